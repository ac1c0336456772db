package io.partnerlink.shared.partner;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token cache against a WireMock token endpoint, called through Micronaut's HTTP client. */
class AccessTokenCacheTest {

    PartnerSandbox sandbox;
    HttpClient http;
    TestClock clock = new TestClock();
    AccessTokenCache cache;

    @BeforeEach
    void start() throws Exception {
        sandbox = PartnerSandbox.start();
        http = HttpClient.create(URI.create(sandbox.baseUrl()).toURL());
        cache = new AccessTokenCache(previous -> fetch(), Duration.ofSeconds(60), clock);
    }

    @AfterEach
    void stop() {
        http.close();
        sandbox.close();
    }

    private AccessToken fetch() {
        JsonNode answer = http.toBlocking().retrieve(HttpRequest.POST("/token", "grant_type=client_credentials")
                .contentType("application/x-www-form-urlencoded"), JsonNode.class);
        return new AccessToken(answer.get("access_token").getStringValue(),
                clock.instant().plusSeconds(answer.get("expires_in").getLongValue()), null);
    }

    private void tokens(String... values) {
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = "token-" + (i + 1);
            sandbox.wireMock().stubFor(post("/token").inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"access_token\":\"" + values[i] + "\",\"expires_in\":120}").withFixedDelay(150))
                    .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        tokens("t1", "t2");
        int callers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    return cache.token();
                });
            }
            List<Future<String>> results = calls.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<String> f : results) {
                assertEquals("t1", f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sandbox.count(postRequestedFor(urlEqualTo("/token"))));
    }

    @Test
    void aTokenIsRefreshedOnceItIsWithinTheSkewOfItsExpiry() {
        tokens("t1", "t2");
        assertEquals("t1", cache.token());
        clock.advance(Duration.ofSeconds(59));
        assertEquals("t1", cache.token());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("t2", cache.token());
        assertEquals("t2", cache.token());
        assertEquals(2, sandbox.count(postRequestedFor(urlEqualTo("/token"))));
    }

    @Test
    void a401DropsTheTokenAndTheCallIsRetriedOnceWithANewOne() {
        tokens("stale", "fresh");
        sandbox.wireMock().stubFor(get("/resource").withHeader("Authorization", equalTo("Bearer stale"))
                .willReturn(aResponse().withStatus(401)));
        sandbox.wireMock().stubFor(get("/resource").withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(okJson("{\"ok\":true}")));
        String[] used = new String[1];
        String body = PartnerCalls.refreshingOnce(() -> PartnerCalls.send("test", "GET /resource", () -> {
            used[0] = cache.token();
            return http.toBlocking().retrieve(HttpRequest.GET("/resource").bearerAuth(used[0]));
        }, e -> new PartnerRejectedException("test", e.getStatus().getCode(), null, List.of())), () -> cache.invalidate(used[0]));
        assertEquals("{\"ok\":true}", body);
        assertEquals(2, sandbox.count(getRequestedFor(urlEqualTo("/resource"))));
        assertEquals(2, sandbox.count(postRequestedFor(urlEqualTo("/token"))));
    }

    @Test
    void aSecond401IsFinal() {
        tokens("stale", "also-refused");
        sandbox.wireMock().stubFor(get("/resource").willReturn(aResponse().withStatus(401)));
        String[] used = new String[1];
        org.junit.jupiter.api.Assertions.assertThrows(PartnerUnauthorizedException.class, () ->
                PartnerCalls.refreshingOnce(() -> PartnerCalls.send("test", "GET /resource", () -> {
                    used[0] = cache.token();
                    return http.toBlocking().retrieve(HttpRequest.GET("/resource").bearerAuth(used[0]));
                }, e -> new PartnerRejectedException("test", e.getStatus().getCode(), null, List.of())), () -> cache.invalidate(used[0])));
        assertEquals(2, sandbox.count(getRequestedFor(urlEqualTo("/resource"))));
    }
}
