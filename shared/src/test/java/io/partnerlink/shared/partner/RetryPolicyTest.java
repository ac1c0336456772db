package io.partnerlink.shared.partner;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry policy against WireMock faults, through Micronaut's HTTP client and {@link PartnerCalls}. */
class RetryPolicyTest {

    PartnerSandbox sandbox;
    HttpClient http;
    /** An attempt may take 200 ms (a read timeout); the pauses are real here, against a real server. */
    final RetryPolicy retry = new RetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(200), partner -> Duration.ofMillis(200));

    @BeforeEach
    void start() throws Exception {
        sandbox = PartnerSandbox.start();
        http = HttpClient.create(URI.create(sandbox.baseUrl()).toURL());
    }

    @AfterEach
    void stop() {
        http.close();
        sandbox.close();
    }

    private String call(Deadline deadline) {
        return retry.call("GET /thing", deadline, () -> PartnerCalls.send("test", "GET /thing",
                () -> http.toBlocking().retrieve(HttpRequest.GET("/thing")),
                e -> new PartnerRejectedException("test", e.getStatus().getCode(), null, List.of())));
    }

    private void firstThen(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        sandbox.wireMock().stubFor(get("/thing").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("ok"));
        sandbox.wireMock().stubFor(get("/thing").inScenario("s").whenScenarioStateIs("ok").willReturn(ok("done")));
    }

    private static Deadline seconds(long s) {
        return Deadline.in(Duration.ofSeconds(s), Clock.systemUTC());
    }

    @Test
    void retriesA503() {
        firstThen(aResponse().withStatus(503));
        assertEquals("done", call(seconds(10)));
        assertEquals(2, sandbox.count(getRequestedFor(urlEqualTo("/thing"))));
    }

    @Test
    void retriesAResetConnection() {
        firstThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertEquals("done", call(seconds(10)));
        assertEquals(2, sandbox.count(getRequestedFor(urlEqualTo("/thing"))));
    }

    @Test
    void honoursRetryAfterOnA429() {
        firstThen(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        assertEquals("done", call(seconds(10)));
        List<Instant> arrivals = sandbox.wireMock().getAllServeEvents().stream()
                .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().toInstant())
                .sorted(Comparator.naturalOrder()).toList();
        assertEquals(2, arrivals.size());
        Duration gap = Duration.between(arrivals.get(0), arrivals.get(1));
        assertFalse(gap.compareTo(Duration.ofMillis(950)) < 0, "second attempt came after " + gap);
    }

    @Test
    void neverRetriesA400() {
        sandbox.wireMock().stubFor(get("/thing").willReturn(aResponse().withStatus(400).withBody("{}")));
        PartnerRejectedException e = assertThrows(PartnerRejectedException.class, () -> call(seconds(10)));
        assertEquals(400, e.status());
        assertEquals(1, sandbox.count(getRequestedFor(urlEqualTo("/thing"))));
    }

    @Test
    void stopsBeforeTheDeadline() {
        sandbox.wireMock().stubFor(get("/thing").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        Deadline deadline = seconds(2);
        assertThrows(PartnerUnavailableException.class, () -> call(deadline));
        List<Instant> arrivals = sandbox.wireMock().getAllServeEvents().stream()
                .map(ev -> ev.getRequest().getLoggedDate().toInstant()).toList();
        assertTrue(arrivals.size() >= 2 && arrivals.size() < 8, "attempts: " + arrivals.size());
        assertTrue(arrivals.stream().allMatch(a -> a.isBefore(deadline.at().minusMillis(200))), "no attempt without a whole attempt's time left");
    }

    @Test
    void retryAfterAccepts_secondsAndHttpDates_andCapsIt() {
        assertEquals(Duration.ofSeconds(3), PartnerCalls.retryAfter("3"));
        assertEquals(Duration.ofMinutes(2), PartnerCalls.retryAfter("86400"));
        assertEquals(null, PartnerCalls.retryAfter("soon"));
        Duration fromDate = PartnerCalls.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertTrue(fromDate.toSeconds() >= 28 && fromDate.toSeconds() <= 30, fromDate.toString());
    }
}
