package io.partnerlink.giftorder.reliability;

import io.partnerlink.giftorder.GiftOrderFixture;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.DuplicateStorm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate storm on {@code POST /gift-orders} (issue 9, item 1): 50 keys x 64 identical requests, 64 at a time,
 * through one handler. Copies that arrive while the first run is in progress are decided by the conditional write in
 * DynamoDB; later ones may be replayed from the container's cache of completed records (production settings). vektor-adv receives exactly one order per key, every answer is the
 * stored 201 or {@code request-in-progress}, and nothing is a 5xx.
 */
class GiftOrderDuplicateStormTest {

    static final int KEYS = 50;
    static final int COPIES = 64;
    static final int THREADS = 64;

    @Test
    void fiftyKeysTimesSixtyFourConcurrentIdenticalRequestsPlaceOneOrderPerKey() throws Exception {
        // A roomy read timeout: a retry under CPU load would send the same orderId again, and this test counts requests.
        // Roomy SDK timeouts as well: 64 threads on 2 shared cores can slow DynamoDB Local past the production
        // defaults, and this test is about exactly-once, not latency (store-unavailable has tests of its own).
        try (GiftOrderFixture f = new GiftOrderFixture(Map.of("micronaut.http.services.vektor.read-timeout", "20s",
                "aws.api-call-timeout", "60s", "aws.http.socket-timeout", "30s"))) {
            f.stubOrders(okJson("{\"status\":\"accepted\"}").withFixedDelay(50)); // the first run is still going when copies arrive

            DuplicateStorm.Result storm = new DuplicateStorm(KEYS, COPIES, THREADS)
                    .run(key -> f.placeOrder("storm-" + key, order(HOFF, 1 + key % 7)));

            assertEquals(KEYS * COPIES, storm.requests());
            Map<Integer, Long> statuses = storm.assertStoredSuccessOrInProgress(201);
            List<String> orderIds = f.orderIdsSent();
            Map<String, Long> perOrderId = orderIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(KEYS, orderIds.size(), "one partner order per key: " + perOrderId);
            for (int key = 0; key < KEYS; key++) {
                String expected = f.orderIdFor("storm-" + key, order(HOFF, 1 + key % 7));
                assertEquals(1L, perOrderId.get(expected), "orders for key " + key);
            }
            assertEquals(KEYS, f.records().size());
            assertTrue(storm.maxInFlight() > 1, "requests overlapped");
            System.out.printf("duplicate storm POST /gift-orders: %d requests (%d keys x %d), up to %d in flight, "
                    + "%d partner orders, answers %s%n", storm.requests(), KEYS, COPIES, storm.maxInFlight(), orderIds.size(), statuses);
        }
    }
}
