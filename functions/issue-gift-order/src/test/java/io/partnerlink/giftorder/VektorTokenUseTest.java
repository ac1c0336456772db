package io.partnerlink.giftorder;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bearer token: fetched once, reused, renewed before expiry or after a 401, never logged. */
class VektorTokenUseTest {

    final GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void fiftyOrdersReuseOneToken() {
        try (LogCapture logs = LogCapture.attach()) {
            for (int i = 0; i < 50; i++) {
                assertEquals(201, f.placeOrder("order-" + i, order(HOFF, 1)).status());
            }
            assertEquals(1, f.tokenCalls());
            assertEquals(50, f.orderCalls());
            assertTrue(logs.linesContaining("token-1").isEmpty(), "the token is never logged");
            assertTrue(logs.linesContaining(GiftOrderFixture.CLIENT_SECRET).isEmpty(), "the client secret is never logged");
        }
    }

    @Test
    void aTokenExpiringBetweenCallsIsReplacedOnce() {
        assertEquals(201, f.placeOrder("before", order(HOFF, 1)).status());
        f.stubToken("token-2", 3600);
        f.advance(Duration.ofSeconds(3600 - 59)); // within the 60 s skew of expiry

        assertEquals(201, f.placeOrder("after-1", order(HOFF, 1)).status());
        assertEquals(201, f.placeOrder("after-2", order(HOFF, 1)).status());

        assertEquals(2, f.tokenCalls());
        assertEquals(2, f.calls(postRequestedFor(urlEqualTo("/api/orders")).withHeader("Authorization", equalTo("Bearer token-2"))));
    }

    @Test
    void a401GetsOneNewTokenAndOneMoreTry() {
        assertEquals(201, f.placeOrder("warm-up", order(HOFF, 1)).status());
        // The partner revokes token-1 early: a 401 to it, then it accepts token-2.
        f.stubToken("token-2", 3600);
        f.stub(post(urlEqualTo("/api/orders")).withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(aResponse().withStatus(401)));
        f.stub(post(urlEqualTo("/api/orders")).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("{}")));

        HttpAnswer answer = f.placeOrder("revoked", order(HOFF, 1));

        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, f.tokenCalls());
        assertEquals(3, f.orderCalls());
    }

    @Test
    void refusedCredentialsAreReReadOnceThen502AndTheKeyIsFree() {
        f.vektor.wireMock().resetMappings();
        f.stubCatalogue(GiftOrderFixture.CATALOGUE);
        f.stub(post(urlEqualTo("/connect/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        int secretReads = AwsCalls.count("GetSecretValue");

        HttpAnswer answer = f.placeOrder("bad-credentials", order(HOFF, 1));

        assertEquals(502, answer.status(), answer.body());
        assertEquals("upstream-rejected", answer.problemType());
        assertEquals(2, f.tokenCalls(), "one try, one more after reading the secret again");
        assertEquals(2, AwsCalls.count("GetSecretValue") - secretReads);
        assertEquals(0, f.orderCalls());
        assertEquals(0, f.records().size());
    }

    @Test
    void a5xxFromTheTokenEndpointIsRetried() {
        f.vektor.wireMock().resetMappings();
        f.stubCatalogue(GiftOrderFixture.CATALOGUE);
        f.stubOrders(okJson("{}"));
        f.stub(post(urlEqualTo("/connect/token")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        f.stub(post(urlEqualTo("/connect/token")).inScenario("token").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\":\"token-9\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));

        assertEquals(201, f.placeOrder("token-flaky", order(HOFF, 1)).status());
        assertEquals(2, f.tokenCalls());
    }
}
