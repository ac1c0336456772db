package io.partnerlink.ordertoken.reliability;

import io.partnerlink.ordertoken.OrderTokenFixture;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.DuplicateStorm;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate storm on {@code POST /vitec/order-tokens} (issue 9, item 1): 50 order tokens x 64 identical signed
 * deliveries, 64 at a time, through one handler with the production replay cache. Vitec redeems each token exactly once,
 * every answer is the stored ticket or {@code request-in-progress}, and nothing is a 5xx.
 */
class OrderTokenDuplicateStormTest {

    static final int TOKENS = 50;
    static final int COPIES = 64;
    static final int THREADS = 64;

    @Test
    void fiftyTokensTimesSixtyFourConcurrentDeliveriesRedeemEachTokenOnce() throws Exception {
        String prefix = "storm-token-" + UUID.randomUUID() + "-";
        try (OrderTokenFixture f = new OrderTokenFixture(PartnerSandbox.start(), true, Map.of("vitec.read-timeout", "20s",
                "idempotency.local-cache-max-items", "256"))) {
            for (int t = 0; t < TOKENS; t++) {
                Leaks.watch(prefix + t);
                f.stub(post(urlPathEqualTo("/Service/Order/Token/M100")).withRequestBody(equalToJson("{\"data\":\"" + prefix + t + "\"}"))
                        .willReturn(okJson("{\"orderId\":\"O-" + t + "\",\"customerId\":\"M100\",\"hasExpired\":false}").withFixedDelay(50)));
            }

            DuplicateStorm.Result storm = new DuplicateStorm(TOKENS, COPIES, THREADS)
                    .run(t -> f.deliver(OrderTokenFixture.body("M100", prefix + t)));

            assertEquals(TOKENS * COPIES, storm.requests());
            Map<Integer, Long> statuses = new HashMap<>();
            for (Map.Entry<Integer, List<HttpAnswer>> byToken : storm.answersByKey().entrySet()) {
                List<HttpAnswer> answers = byToken.getValue();
                List<HttpAnswer> redeemed = answers.stream().filter(a -> a.status() == 200).toList();
                assertEquals(1, redeemed.stream().filter(a -> a.header("Idempotent-Replayed") == null).count());
                assertEquals(1, redeemed.stream().map(HttpAnswer::body).distinct().count(), "every 200 is the stored ticket");
                assertEquals("O-" + byToken.getKey(), redeemed.getFirst().json().get("orderId").getStringValue());
                for (HttpAnswer answer : answers) {
                    CleanAnswers.assertClean(answer);
                    statuses.merge(answer.status(), 1L, Long::sum);
                    if (answer.status() != 200) {
                        assertEquals(409, answer.status(), answer.body());
                        assertEquals("request-in-progress", answer.problemType());
                        assertNotNull(answer.header("Retry-After"));
                    }
                }
                assertEquals(1, f.vitec.count(postRequestedFor(urlPathMatching("/Service/Order/Token/.*"))
                        .withRequestBody(equalToJson("{\"data\":\"" + prefix + byToken.getKey() + "\"}"))), "one redemption per token");
            }
            assertEquals(TOKENS, f.vitecCalls());
            assertEquals(TOKENS, f.records());
            assertTrue(storm.maxInFlight() > 1, "deliveries overlapped");
            System.out.printf("duplicate storm POST /vitec/order-tokens: %d deliveries (%d tokens x %d), up to %d in flight, "
                    + "%d Vitec redemptions, answers %s%n", storm.requests(), TOKENS, COPIES, storm.maxInFlight(), f.vitecCalls(), statuses);
        }
    }
}
