package io.partnerlink.ordertoken.reliability;

import io.partnerlink.ordertoken.OrderTokenFixture;
import io.partnerlink.testsupport.DuplicateStorm;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.Test;

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
        // Roomy SDK timeouts as well: 64 threads on 2 shared cores can slow DynamoDB Local past the production
        // defaults, and this test is about exactly-once, not latency (store-unavailable has tests of its own).
        try (OrderTokenFixture f = new OrderTokenFixture(PartnerSandbox.start(), true, Map.of("vitec.read-timeout", "20s",
                "aws.api-call-timeout", "60s", "aws.http.socket-timeout", "30s",
                "idempotency.local-cache-max-items", "256"))) {
            for (int t = 0; t < TOKENS; t++) {
                Leaks.watch(prefix + t);
                f.stub(post(urlPathEqualTo("/Service/Order/Token/M100")).withRequestBody(equalToJson("{\"data\":\"" + prefix + t + "\"}"))
                        .willReturn(okJson("{\"orderId\":\"O-" + t + "\",\"customerId\":\"M100\",\"hasExpired\":false}").withFixedDelay(50)));
            }

            DuplicateStorm.Result storm = new DuplicateStorm(TOKENS, COPIES, THREADS)
                    .run(t -> f.deliver(OrderTokenFixture.body("M100", prefix + t)));

            assertEquals(TOKENS * COPIES, storm.requests());
            Map<Integer, Long> statuses = storm.assertStoredSuccessOrInProgress(200);
            for (Map.Entry<Integer, List<HttpAnswer>> byToken : storm.answersByKey().entrySet()) {
                HttpAnswer redeemed = byToken.getValue().stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
                assertEquals("O-" + byToken.getKey(), redeemed.json().get("orderId").getStringValue());
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
