package io.partnerlink.renewal.reliability;

import io.partnerlink.renewal.RenewalTestBed;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.DuplicateStorm;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate storm on {@code POST /domains/{domain}/renewals} (issue 9, item 1): 50 domains, each renewed by 64
 * identical requests (same domain, same Idempotency-Key), 64 at a time through one handler. .ART receives exactly
 * one order per domain, every answer is the stored 201 or {@code request-in-progress}, and nothing is a 5xx.
 */
class RenewalDuplicateStormTest {

    static final int DOMAINS = 50;
    static final int COPIES = 64;
    static final int THREADS = 64;

    static String name(int i) {
        return "storm" + i + ".art";
    }

    @Test
    void fiftyDomainsTimesSixtyFourConcurrentIdenticalRequestsOrderEachRenewalOnce() throws Exception {
        String[] names = new String[DOMAINS];
        for (int i = 0; i < DOMAINS; i++) {
            names[i] = name(i);
        }
        try (RenewalTestBed bed = OnDemandBeds.holding(Map.of("micronaut.http.services.art.read-timeout", "20s"), names)) {
            for (String name : names) { // the first run is still going when copies arrive
                bed.stub(post(urlEqualTo(API + "/store/orders")).withRequestBody(matchingJsonPath("$.items[0].domain", equalTo(name)))
                        .willReturn(okJson("{\"id\":\"" + OnDemandBeds.orderId(name) + "\"}").withFixedDelay(50)));
            }

            DuplicateStorm.Result storm = new DuplicateStorm(DOMAINS, COPIES, THREADS)
                    .run(i -> bed.renew(name(i), "storm-key-" + i, "{\"period\":12}"));

            assertEquals(DOMAINS * COPIES, storm.requests());
            Map<Integer, Long> statuses = new HashMap<>();
            for (Map.Entry<Integer, List<HttpAnswer>> byDomain : storm.answersByKey().entrySet()) {
                List<HttpAnswer> answers = byDomain.getValue();
                List<HttpAnswer> ordered = answers.stream().filter(a -> a.status() == 201).toList();
                assertEquals(1, ordered.stream().filter(a -> a.header("Idempotent-Replayed") == null).count());
                assertEquals(1, ordered.stream().map(HttpAnswer::body).distinct().count(), "every 201 is the stored one");
                assertEquals(OnDemandBeds.orderId(name(byDomain.getKey())), ordered.getFirst().json().get("orderId").getStringValue());
                for (HttpAnswer answer : answers) {
                    CleanAnswers.assertClean(answer);
                    statuses.merge(answer.status(), 1L, Long::sum);
                    if (answer.status() != 201) {
                        assertEquals(409, answer.status(), answer.body());
                        assertEquals("request-in-progress", answer.problemType());
                        assertNotNull(answer.header("Retry-After"));
                    }
                }
                assertEquals(1, bed.ordersPlacedFor(name(byDomain.getKey())), "one .ART order for " + name(byDomain.getKey()));
            }
            assertEquals(DOMAINS, OnDemandBeds.orderPosts(bed));
            assertTrue(storm.maxInFlight() > 1, "requests overlapped");
            System.out.printf("duplicate storm POST /domains/{domain}/renewals: %d requests (%d domains x %d), up to %d in flight, "
                    + "%d .ART orders, answers %s%n", storm.requests(), DOMAINS, COPIES, storm.maxInFlight(), OnDemandBeds.orderPosts(bed), statuses);
        }
    }
}
