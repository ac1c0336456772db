package io.partnerlink.shared.vektor;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vektor-adv client against WireMock and moto: the wire format of the seed, and typed errors. */
class VektorClientTest {

    final LocalAws aws = LocalAws.get();
    final PartnerSandbox vektor = PartnerSandbox.start();
    final String secretId = "vektor/" + UUID.randomUUID();
    ApplicationContext context;
    VektorClient client;
    Deadline deadline;

    @BeforeEach
    void start() {
        aws.putSecret(secretId, "{\"clientId\":\"shop\",\"clientSecret\":\"s3cret&=+\"}");
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "micronaut.http.services.vektor.url", vektor.baseUrl(),
                "vektor.secret-id", secretId,
                "partner.retry.base-delay", "5ms")).start();
        client = context.getBean(VektorClient.class);
        deadline = Deadline.in(Duration.ofSeconds(20), context.getBean(Clock.class));
        stubToken("shop", "s3cret&=+", "tok-1");
    }

    @AfterEach
    void stop() {
        context.close();
        vektor.close();
    }

    void stubToken(String id, String secret, String token) {
        vektor.wireMock().stubFor(post(urlEqualTo("/connect/token"))
                .withFormParam("client_id", equalTo(id)).withFormParam("client_secret", equalTo(secret))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"external-api\"}")));
    }

    VektorOrder order() {
        return new VektorOrder(UUID.randomUUID(), new VektorOrder.Customer("test@test.test", null, "79251153242"),
                List.of(new VektorOrder.Line("A25714EA-F9E6-4D53-94FC-6F9D0587BB9D", 1)));
    }

    @Test
    void theTokenIsRequestedAsAUrlEncodedFormAndUsedAsBearer() {
        vektor.wireMock().stubFor(get(urlEqualTo("/api/certificates")).willReturn(okJson(
                "[{\"id\":\"1C730E2D-2323-46B7-8204-DDC7200B4976\",\"vendor\":\"Хофф\",\"unit\":\"rub\",\"value\":1000,\"price\":1100.10}]")));

        List<VektorCertificate> certificates = client.certificates(deadline);

        assertEquals(List.of(new VektorCertificate("1C730E2D-2323-46B7-8204-DDC7200B4976", "Хофф", "rub",
                new BigDecimal("1000"), new BigDecimal("1100.10"))), certificates);
        String form = vektor.wireMock().findAll(postRequestedFor(urlEqualTo("/connect/token"))).getFirst().getBodyAsString();
        assertTrue(form.contains("client_secret=s3cret%26%3D%2B"), "URL-encoded: " + form);
        vektor.wireMock().verify(postRequestedFor(urlEqualTo("/connect/token"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/x-www-form-urlencoded")));
        vektor.wireMock().verify(getRequestedFor(urlEqualTo("/api/certificates")).withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void aPartner400IsARejectionWithOurFieldNames() {
        vektor.wireMock().stubFor(post(urlEqualTo("/api/orders")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Invalid request\",\"status\":400,\"errors\":{\"Customer.Email\":[\"The Email field is required.\"]}}")));

        VektorRejectedException e = assertThrows(VektorRejectedException.class, () -> client.placeOrder(order(), deadline));

        assertTrue(e.isValidationFailure());
        assertEquals("Invalid request", e.partnerMessage());
        assertEquals(List.of(new FieldError("customer.email", "The Email field is required.")), e.fieldErrors());
        assertEquals(1, vektor.count(postRequestedFor(urlEqualTo("/api/orders"))));
    }

    @Test
    void aConflictOnOurOrderIdMeansTheOrderExists() {
        vektor.wireMock().stubFor(post(urlEqualTo("/api/orders")).willReturn(aResponse().withStatus(409)));
        VektorOrder order = order();
        VektorOrderPlacement placement = client.placeOrder(order, deadline);
        assertTrue(placement.alreadyExisted());
        assertEquals(order.orderId(), placement.orderId());
    }

    @Test
    void a404IsARejectionNotAnEmptyAnswer() {
        VektorRejectedException e = assertThrows(VektorRejectedException.class, () -> client.certificates(deadline));
        assertEquals(404, e.status());
    }

    @Test
    void rotatedCredentialsAreReadAgainOnce() {
        client.certificates(deadlineWithCatalogue());
        aws.putSecret(secretId, "{\"clientId\":\"shop\",\"clientSecret\":\"rotated\"}");
        vektor.wireMock().resetMappings();
        vektor.wireMock().stubFor(post(urlEqualTo("/connect/token")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_client\"}")));
        stubToken("shop", "rotated", "tok-2");
        vektor.wireMock().stubFor(get(urlEqualTo("/api/certificates")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        vektor.wireMock().stubFor(get(urlEqualTo("/api/certificates")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("[]")));

        assertEquals(List.of(), client.certificates(deadline));
        vektor.wireMock().verify(getRequestedFor(urlEqualTo("/api/certificates")).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void credentialsRefusedTwiceAreAConfigurationError() {
        vektor.wireMock().resetMappings();
        vektor.wireMock().stubFor(post(urlEqualTo("/connect/token")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_client\"}")));
        assertThrows(VektorCredentialsRejectedException.class, () -> client.certificates(deadline));
        assertEquals(2, vektor.count(postRequestedFor(urlEqualTo("/connect/token"))));
    }

    private Deadline deadlineWithCatalogue() {
        vektor.wireMock().stubFor(get(urlEqualTo("/api/certificates")).willReturn(okJson("[]")));
        return deadline;
    }
}
