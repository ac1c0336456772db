package io.partnerlink.shared.art;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.shared.art.ArtFixtures.CLIENT_SECRET;
import static io.partnerlink.shared.art.ArtFixtures.page;
import static io.partnerlink.shared.art.ArtFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token grants against WireMock: JSON bodies, refresh before expiry, re-authentication, refusal. */
class ArtAuthenticationTest {

    static final String TOKEN = "/api/v2/auth/token";
    static final String STATUSES = "/api/v2/store/orders/statuses";

    final LocalAws aws = LocalAws.get();
    final String secretId = "art-auth-" + UUID.randomUUID();
    PartnerSandbox art;
    ApplicationContext context;
    ArtStore store;
    TestClock clock;

    @BeforeEach
    void start() {
        aws.putSecret(secretId, ArtFixtures.SECRET);
        art = PartnerSandbox.start();
        art.wireMock().stubFor(get(urlPathEqualTo(STATUSES)).willReturn(okJson(page(4, "\"unpaid\"", "\"processing\"", "\"completed\"", "\"cancelled\""))));
    }

    void startContext(Map<String, Object> extra) {
        context = ArtFixtures.context(art, secretId, extra);
        store = context.getBean(ArtStore.class);
        clock = context.getBean(TestClock.class);
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        art.close();
    }

    Deadline deadline() {
        return Deadline.in(Duration.ofSeconds(20), clock);
    }

    void grant(String grantType, String body) {
        art.wireMock().stubFor(post(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo(grantType)))
                .willReturn(okJson(body)));
    }

    @Test
    void clientCredentialsGrantSendsOnlyItsFieldsAsJsonAndTheTokenIsReused() {
        grant("client_credentials", token("tok-1", "ref-1"));
        startContext(Map.of());
        assertEquals(4, store.orderStatuses(deadline()).total());
        store.orderStatuses(deadline());

        assertEquals(1, art.count(postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"demo-client\",\"client_secret\":\"" + CLIENT_SECRET + "\"}"))));
        assertEquals(2, art.count(getRequestedFor(urlPathEqualTo(STATUSES))
                .withHeader("Authorization", equalTo("Bearer tok-1")).withHeader("Accept-Language", equalTo("en"))));
    }

    @Test
    void passwordGrantSendsTheStoreUser() {
        grant("password", token("tok-1", "ref-1"));
        startContext(Map.of("art.grant", "password"));
        store.orderStatuses(deadline());
        assertEquals(1, art.count(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(equalToJson(
                "{\"grant_type\":\"password\",\"client_id\":\"demo-client\",\"client_secret\":\"" + CLIENT_SECRET + "\","
                        + "\"username\":\"demo@example.art\",\"password\":\"user-pass-55d1\"}"))));
    }

    @Test
    void aTokenAboutToExpireIsRenewedWithTheRefreshGrant() {
        grant("client_credentials", token("tok-1", "ref-1"));
        grant("refresh_token", token("tok-2", "ref-2"));
        startContext(Map.of());
        store.orderStatuses(deadline());
        clock.advance(Duration.ofSeconds(3600 - 30)); // inside the 60 s skew
        store.orderStatuses(deadline());

        assertEquals(1, art.count(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(equalToJson(
                "{\"grant_type\":\"refresh_token\",\"client_id\":\"demo-client\",\"client_secret\":\"" + CLIENT_SECRET + "\",\"refresh_token\":\"ref-1\"}"))));
        assertEquals(1, art.count(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))));
        assertEquals(1, art.count(getRequestedFor(urlPathEqualTo(STATUSES)).withHeader("Authorization", equalTo("Bearer tok-2"))));
    }

    @Test
    void aRefusedRefreshSignsInAgain() {
        art.wireMock().stubFor(post(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .inScenario("sign-in").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(token("tok-1", "ref-1")))
                .willSetStateTo("second"));
        art.wireMock().stubFor(post(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .inScenario("sign-in").whenScenarioStateIs("second").willReturn(okJson(token("tok-3", "ref-3"))));
        art.wireMock().stubFor(post(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_credentials\",\"messages\":[{\"path\":\"$.refresh_token\",\"message\":\"expired\"}]}")));
        startContext(Map.of());
        store.orderStatuses(deadline());
        clock.advance(Duration.ofHours(2));
        store.orderStatuses(deadline());

        assertEquals(1, art.count(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))));
        assertEquals(2, art.count(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))));
        assertEquals(1, art.count(getRequestedFor(urlPathEqualTo(STATUSES)).withHeader("Authorization", equalTo("Bearer tok-3"))));
    }

    @Test
    void a401OnAStoreCallRefreshesTheTokenOnceAndRetries() {
        grant("client_credentials", token("tok-1", "ref-1"));
        grant("refresh_token", token("tok-2", "ref-2"));
        art.wireMock().stubFor(get(urlPathEqualTo(STATUSES)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        startContext(Map.of());
        assertEquals(4, store.orderStatuses(deadline()).total());
        assertEquals(1, art.count(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))));
    }

    @Test
    void refusedCredentialsFailClearlyAfterOneSecretReRead() {
        art.wireMock().stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_credentials\",\"messages\":[{\"message\":\"bad client\"}]}")));
        startContext(Map.of());
        try (LogCapture logs = LogCapture.attach()) {
            ArtTokenException e = assertThrows(ArtTokenException.class, () -> store.orderStatuses(deadline()));
            assertTrue(e.getMessage().startsWith("Could not obtain a .ART access token: grant client_credentials refused with HTTP 401"), e.getMessage());
            assertFalse(e.getMessage().contains(CLIENT_SECRET));
            assertTrue(logs.linesContaining(CLIENT_SECRET).isEmpty());
        }
        assertEquals(2, art.count(postRequestedFor(urlEqualTo(TOKEN))));
        assertEquals(0, art.count(getRequestedFor(urlPathEqualTo(STATUSES))));
    }

    @Test
    void anUnavailableTokenEndpointIsAnOutageAfterItsRetries_notRefusedCredentials() {
        art.wireMock().stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        startContext(Map.of("partner.retry.max-attempts", "3"));
        ArtTokenUnavailableException e = assertThrows(ArtTokenUnavailableException.class, () -> store.orderStatuses(deadline()));
        assertTrue(e.getMessage().contains("token endpoint is unavailable"), e.getMessage());
        assertEquals(503, e.status());
        assertEquals(Duration.ZERO, e.retryAfter(), "the endpoint's Retry-After is kept");
        assertEquals(3, art.count(postRequestedFor(urlEqualTo(TOKEN))), "retried within the token budget, not again by the store call");
        assertEquals(0, art.count(getRequestedFor(urlPathEqualTo(STATUSES))));
    }
}
