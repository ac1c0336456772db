package io.partnerlink.shared.vitec;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.secrets.BasicCredentials;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Vitec client against WireMock (stubs from the seed) and moto's Secrets Manager. */
class OrderTicketsTest {

    static final String PATH = "/Service/Order/Token/M100";
    static final String TOKEN = "tok-" + UUID.randomUUID();
    static final String PASSWORD = "pw-" + UUID.randomUUID();
    static final BasicCredentials CREDENTIALS = new BasicCredentials("partnerlink", PASSWORD);
    static final String TICKET = """
            {"orderId":"O1","userId":"U1","orderUserId":"A1","targetId":"T1","targetType":"Bostadsratt",
             "tenantId":"TEN1","chainId":"C1","customerId":"M100","hasExpired":false,"somethingNew":42}""";

    static PartnerSandbox vitec;
    final LocalAws aws = LocalAws.get();
    final String secretId = "vitec/" + UUID.randomUUID();
    ApplicationContext context;
    OrderTickets tickets;

    @BeforeAll
    static void sandbox() {
        vitec = PartnerSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        vitec.close();
    }

    @BeforeEach
    void start() {
        vitec.reset();
        aws.putSecret(secretId, "{\"username\":\"partnerlink\",\"password\":\"" + PASSWORD + "\"}");
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "micronaut.http.services.vitec.url", vitec.baseUrl(),
                "micronaut.http.services.vitec.read-timeout", "2s",
                "vitec.secret-id", secretId,
                "partner.retry.max-attempts", "3",
                "partner.retry.base-delay", "5ms",
                "partner.retry.max-delay", "20ms")).start();
        tickets = context.getBean(OrderTickets.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    OrderTicket redeem() {
        return tickets.redeem("M100", TOKEN, Deadline.in(Duration.ofSeconds(20), context.getBean(Clock.class)));
    }

    @Test
    void postsTheTokenWithBasicAuthAndReadsTheTicket() {
        vitec.wireMock().stubFor(post(PATH)
                .withHeader("Authorization", equalTo(CREDENTIALS.authorizationHeader()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"data\":\"" + TOKEN + "\"}"))
                .willReturn(okJson(TICKET)));
        OrderTicket ticket = redeem();
        assertEquals(new OrderTicket("O1", "U1", "A1", "T1", "Bostadsratt", "TEN1", "C1", "M100", false, null), ticket);
        assertFalse(ticket.expired());
        assertTrue(ticket.statesExpiry());
    }

    @Test
    void readsEitherNameOfTheExpiryFlag() {
        vitec.wireMock().stubFor(post(PATH).willReturn(okJson("{\"orderId\":\"O1\",\"customerId\":\"M100\",\"orderTicketHasExpired\":true}")));
        OrderTicket ticket = redeem();
        assertTrue(ticket.expired());
        assertNull(ticket.hasExpired());

        vitec.wireMock().stubFor(post(PATH).willReturn(okJson("{\"orderId\":\"O1\",\"customerId\":\"M100\"}")));
        assertFalse(redeem().statesExpiry());
    }

    @Test
    void aCustomerIdIsEncodedIntoOnePathSegment() {
        vitec.wireMock().stubFor(post(urlEqualTo("/Service/Order/Token/a%20b")).willReturn(okJson(TICKET)));
        tickets.redeem("a b", TOKEN, Deadline.in(Duration.ofSeconds(20), context.getBean(Clock.class)));
        assertEquals(1, vitec.count(postRequestedFor(urlEqualTo("/Service/Order/Token/a%20b"))));
    }

    @Test
    void badRequestCarriesVitecsMessageWithTheTokenMasked() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"Message\":\"The request is invalid.\",\"ModelState\":{\"token.Data\":[\"Token " + TOKEN + " is unknown\"]}}")));
        try (LogCapture logs = LogCapture.attach()) {
            VitecBadRequestException e = assertThrows(VitecBadRequestException.class, this::redeem);
            assertEquals("The request is invalid.; Token *** is unknown", e.partnerMessage());
            assertEquals(400, e.status());
            assertTrue(logs.linesContaining(TOKEN).isEmpty());
        }
        assertEquals(1, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void badRequestWithoutJsonUsesTheBoundedText() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("bad\r\ntoken " + "x".repeat(500))));
        VitecBadRequestException e = assertThrows(VitecBadRequestException.class, this::redeem);
        assertTrue(e.partnerMessage().startsWith("bad token xxx"), e.partnerMessage());
        assertEquals(VitecErrors.MAX_MESSAGE + 3, e.partnerMessage().length());

        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(400)));
        assertEquals(VitecErrors.FALLBACK, assertThrows(VitecBadRequestException.class, this::redeem).partnerMessage());
    }

    @Test
    void unauthorizedRereadsTheSecretOnceAndRetries() {
        redeemOnceToCacheTheSecret();
        String rotated = "pw-rotated-" + UUID.randomUUID();
        aws.putSecret(secretId, "{\"username\":\"partnerlink\",\"password\":\"" + rotated + "\"}");
        vitec.reset();
        vitec.wireMock().stubFor(post(PATH).withHeader("Authorization", equalTo(CREDENTIALS.authorizationHeader()))
                .willReturn(aResponse().withStatus(401)));
        vitec.wireMock().stubFor(post(PATH).withHeader("Authorization", equalTo(new BasicCredentials("partnerlink", rotated).authorizationHeader()))
                .willReturn(okJson(TICKET)));
        assertEquals("O1", redeem().orderId());
        assertEquals(2, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void unauthorizedTwiceIsFinalAfterExactlyTwoCalls() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(401)));
        PartnerUnauthorizedException e = assertThrows(PartnerUnauthorizedException.class, this::redeem);
        assertEquals(401, e.status());
        assertEquals(2, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void forbiddenNamesTheCustomer() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(403)));
        VitecForbiddenException e = assertThrows(VitecForbiddenException.class, this::redeem);
        assertEquals("M100", e.customerId());
        assertEquals(1, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void otherRefusalsAreGenericRejections() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(404)));
        PartnerRejectedException notFound = assertThrows(PartnerRejectedException.class, this::redeem);
        assertEquals(404, notFound.status());
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(409)));
        assertEquals(409, assertThrows(PartnerRejectedException.class, this::redeem).status());
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(500).withBody("{\"Message\":\"An error has occurred.\"}")));
        PartnerUnavailableException e = assertThrows(PartnerUnavailableException.class, this::redeem);
        assertEquals(500, e.status());
        assertEquals(3, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void aTimeoutIsRetriedAndCanSucceed() {
        vitec.wireMock().stubFor(post(PATH).inScenario("slow").whenScenarioStateIs("Started")
                .willReturn(okJson(TICKET).withFixedDelay(3000)).willSetStateTo("fast"));
        vitec.wireMock().stubFor(post(PATH).inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(TICKET)));
        assertEquals("O1", redeem().orderId());
        assertEquals(2, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void noRetryStartsWhenTheDeadlineLeavesNoRoomForAWholeAttempt() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
        // 2 s read timeout and 1.5 s left: the first attempt runs, no second one may start.
        assertThrows(PartnerUnavailableException.class,
                () -> tickets.redeem("M100", TOKEN, Deadline.in(Duration.ofMillis(1500), context.getBean(Clock.class))));
        assertEquals(1, vitec.count(postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void credentialsAndTokenNeverReachTheLogs() {
        vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(500)));
        try (LogCapture logs = LogCapture.attach()) {
            assertThrows(PartnerUnavailableException.class, this::redeem);
            vitec.wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(401)));
            assertThrows(PartnerUnauthorizedException.class, this::redeem);
            assertFalse(logs.lines().isEmpty());
            assertTrue(logs.linesContaining(TOKEN).isEmpty());
            assertTrue(logs.linesContaining(PASSWORD).isEmpty());
            assertTrue(logs.linesContaining(CREDENTIALS.authorizationHeader().substring(6)).isEmpty());
        }
        assertEquals("OrderToken[***]", new OrderToken(TOKEN).toString());
    }

    private void redeemOnceToCacheTheSecret() {
        vitec.wireMock().stubFor(post(PATH).willReturn(okJson(TICKET)));
        redeem();
    }
}
