package io.partnerlink.shared.ibonus;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The i-bonus client against WireMock stubs written from seed 001, with the secret in moto. */
class IbonusClientTest {

    static final String AUTH = "Basic ZGVtbzpkZW1vLXBhc3N3b3Jk"; // demo:demo-password
    static PartnerSandbox sandbox;
    final LocalAws aws = LocalAws.get();
    final String secretId = "ibonus/" + UUID.randomUUID();
    ApplicationContext context;
    IbonusClient client;

    @BeforeAll
    static void startSandbox() {
        sandbox = PartnerSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void start() {
        sandbox.reset();
        aws.putSecret(secretId, "{\"username\":\"demo\",\"password\":\"demo-password\"}");
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "micronaut.http.services.ibonus.url", sandbox.baseUrl(),
                "ibonus.secret-id", secretId,
                "partner.retry.base-delay", "5ms",
                "partner.retry.max-attempts", "3")).start();
        client = context.getBean(IbonusClient.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    Deadline deadline() {
        return Deadline.in(Duration.ofSeconds(20), Clock.systemUTC());
    }

    @Test
    void listsClientsWithBasicAuthAndSendsTheWildcardEncoded() {
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withHeader("Authorization", equalTo(AUTH))
                .willReturn(okJson("[{\"id\":1234567,\"email\":\"test@test.ru\",\"phone\":\"7912345678\",\"name\":\"Client First\","
                        + "\"averageBill\":100.5,\"totalPurchasesAmount\":1234.40,\"token\":\"012345667890abcdef\",\"extra\":true}]")));

        List<LoyaltyClient> page = client.clients(new ClientQuery("7912%", "%@test.ru", 200, 100), deadline());

        assertEquals(1, page.size());
        LoyaltyClient first = page.get(0);
        assertEquals(1234567L, first.id());
        assertEquals("012345667890abcdef", first.token());
        assertEquals(new BigDecimal("1234.40"), first.totalPurchasesAmount());
        // '%' goes out as %25: the partner would read a bare '%' as the start of an escape.
        assertEquals(1, sandbox.count(getRequestedFor(urlEqualTo(
                "/ext/api/v1/clients/?phone=7912%25&email=%25%40test.ru&offset=200&limit=100"))));
    }

    @Test
    void leavesOutFiltersThatAreNotSet() {
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).willReturn(okJson("[]")));
        assertEquals(List.of(), client.clients(ClientQuery.page(0, 100), deadline()));
        assertEquals(1, sandbox.count(getRequestedFor(urlEqualTo("/ext/api/v1/clients/?offset=0&limit=100"))));
    }

    @Test
    void readsCouponsWithEpochMillisAndTokensAsStrings() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/coupons/")).withHeader("Authorization", equalTo(AUTH))
                .willReturn(okJson("[{\"id\":123,\"title\":\"Internal title\",\"header\":\"Заголовок\",\"subHeader\":\"Подзаголовок\","
                        + "\"shortDescription\":\"<b>Short</b>\",\"expireDate\":1571408400000,\"token\":\"12345667890abcdef\","
                        + "\"shareToken\":\"fedcba\",\"merchantToken\":\"004211\",\"merchantShareToken\":\"654321\"},"
                        + "{\"id\":124,\"expireDate\":1571408400001}]")));

        List<Coupon> coupons = client.coupons(42, deadline());

        assertEquals(2, coupons.size());
        Coupon first = coupons.get(0);
        assertEquals(Instant.parse("2019-10-18T14:20:00Z"), first.expiresAt());
        assertEquals("004211", first.merchantToken());
        assertEquals("Заголовок", first.header());
        assertEquals("<b>Short</b>", first.shortDescription());
        assertNull(coupons.get(1).title());
    }

    @Test
    void readsBalancesAsExactDecimals() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/balance/"))
                .willReturn(okJson("[{\"amount\":1234.56,\"currency\":\"points\"},{\"amount\":4321.06,\"currency\":\"rubles\"}]")));

        List<Balance> balances = client.balance(42, deadline());

        assertEquals(List.of(new Balance(new BigDecimal("1234.56"), "points"), new Balance(new BigDecimal("4321.06"), "rubles")), balances);
    }

    @Test
    void createsAFiscalOrderWithItsExternalIdAndSendsNoAbsentFields() {
        sandbox.wireMock().stubFor(post(urlEqualTo("/ext/api/v1/fiscal/orders/")).willReturn(aResponse().withStatus(200)));
        FiscalOrderRequest order = new FiscalOrderRequest(
                new FiscalOrder("12345678", "sale", new BigDecimal("20"), new BigDecimal("10"), "test@test.com", null,
                        List.of(new FiscalItem(new BigDecimal("10"), BigDecimal.ONE, "piece", new BigDecimal("20"), "Капучино"))),
                new BigDecimal("10"), "points", List.of(1L, 2L));

        client.createOrder(order, deadline());

        sandbox.wireMock().verify(1, postRequestedFor(urlEqualTo("/ext/api/v1/fiscal/orders/"))
                .withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson("{\"order\":{\"externalId\":\"12345678\",\"receiptType\":\"sale\",\"amountCard\":20,"
                        + "\"amountCash\":10,\"customerEmail\":\"test@test.com\",\"items\":[{\"price\":10,\"quantity\":1,"
                        + "\"unit\":\"piece\",\"vat\":20,\"name\":\"Капучино\"}]},\"amount\":10,\"currency\":\"points\",\"coupons\":[1,2]}")));
    }

    @Test
    void refusesAFiscalOrderWithoutExternalIdBeforeSendingIt() {
        FiscalOrderRequest order = new FiscalOrderRequest(new FiscalOrder(" ", "sale", null, null, null, null,
                List.of(new FiscalItem(BigDecimal.TEN, BigDecimal.ONE, "piece", BigDecimal.ZERO, "Tea"))), null, null, null);

        ProblemException e = assertThrows(ProblemException.class, () -> client.createOrder(order, deadline()));

        assertEquals("order.externalId", e.errors().get(0).field());
        assertEquals(0, sandbox.count(postRequestedFor(urlEqualTo("/ext/api/v1/fiscal/orders/"))));
    }

    @Test
    void rereadsTheSecretOnceAfterA401AndThenGivesUp() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/coupons/"))
                .willReturn(aResponse().withStatus(401).withBody("{\"status\":401,\"message\":\"Unauthorized\"}")));
        int reads = AwsCalls.count("GetSecretValue");

        assertThrows(PartnerUnauthorizedException.class, () -> client.coupons(42, deadline()));

        assertEquals(2, AwsCalls.count("GetSecretValue") - reads);
        assertEquals(2, sandbox.count(getRequestedFor(urlEqualTo("/ext/api/v1/clients/42/coupons/"))));
    }

    @Test
    void aRotatedPasswordIsPickedUpAfterA401() {
        aws.putSecret(secretId, "{\"username\":\"demo\",\"password\":\"old-password\"}");
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/43/balance/")).willReturn(okJson("[]")));
        client.balance(43, deadline()); // caches the old password
        aws.putSecret(secretId, "{\"username\":\"demo\",\"password\":\"demo-password\"}");
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/balance/")).atPriority(1)
                .withHeader("Authorization", equalTo(AUTH)).willReturn(okJson("[]")));
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/balance/")).atPriority(5)
                .willReturn(aResponse().withStatus(401)));

        assertEquals(List.of(), client.balance(42, deadline()));
    }

    @Test
    void retries503And429ThenSucceeds() {
        String url = "/ext/api/v1/clients/42/balance/";
        sandbox.wireMock().stubFor(get(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("busy"));
        sandbox.wireMock().stubFor(get(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        sandbox.wireMock().stubFor(get(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("[{\"amount\":1,\"currency\":\"points\"}]")));

        assertEquals(1, client.balance(42, deadline()).size());
        assertEquals(3, sandbox.count(getRequestedFor(urlEqualTo(url))));
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/coupons/")).willReturn(aResponse().withStatus(502)));
        PartnerUnavailableException e = assertThrows(PartnerUnavailableException.class, () -> client.coupons(42, deadline()));
        assertEquals(502, e.status());
        assertEquals(3, sandbox.count(getRequestedFor(urlEqualTo("/ext/api/v1/clients/42/coupons/"))));
    }

    @Test
    void anAnswerThatIsNotJsonIsMalformedAndNotRetried() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/coupons/"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));

        IbonusMalformedAnswerException e = assertThrows(IbonusMalformedAnswerException.class, () -> client.coupons(42, deadline()));

        assertTrue(e.getMessage().startsWith("ibonus list coupons answered unreadable data"), e.getMessage());
        assertEquals(1, sandbox.count(getRequestedFor(urlEqualTo("/ext/api/v1/clients/42/coupons/"))));
    }

    @Test
    void aCouponWithoutIdOrWithAnUnreadableDateIsMalformed() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/1/coupons/"))
                .willReturn(okJson("[{\"title\":\"no id\",\"expireDate\":1571408400000}]")));
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/2/coupons/"))
                .willReturn(okJson("[{\"id\":7,\"expireDate\":\"18.10.2019\",\"token\":\"c0ffee-secret-token\"}]")));

        IbonusMalformedAnswerException noId = assertThrows(IbonusMalformedAnswerException.class, () -> client.coupons(1, deadline()));
        IbonusMalformedAnswerException badDate = assertThrows(IbonusMalformedAnswerException.class, () -> client.coupons(2, deadline()));

        assertTrue(noId.getMessage().endsWith("a coupon has no id"), noId.getMessage());
        assertTrue(badDate.getMessage().contains("expireDate"), badDate.getMessage());
        assertTrue(!badDate.getMessage().contains("c0ffee"), badDate.getMessage());
    }

    @Test
    void a404IsARejectionCarryingThePartnersMessage() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/9/coupons/")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Not Found\",\"message\":\"Client with id=9 is not found.\",\"path\":\"/ext/api/v1/clients/9/coupons/\",\"status\":404,\"timestamp\":1513521246746}")));

        PartnerRejectedException e = assertThrows(PartnerRejectedException.class, () -> client.coupons(9, deadline()));

        assertEquals(404, e.status());
        assertEquals("Client with id=9 is not found.", e.partnerMessage());
        assertEquals(1, sandbox.count(getRequestedFor(urlEqualTo("/ext/api/v1/clients/9/coupons/"))));
    }

    @Test
    void neverLogsTheCredentials() {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/42/coupons/")).willReturn(aResponse().withStatus(401)));
        try (LogCapture logs = LogCapture.attach()) {
            assertThrows(PartnerUnauthorizedException.class, () -> client.coupons(42, deadline()));
            assertEquals(List.of(), logs.linesContaining("demo-password"));
            assertEquals(List.of(), logs.linesContaining(AUTH.substring("Basic ".length())));
        }
    }
}
