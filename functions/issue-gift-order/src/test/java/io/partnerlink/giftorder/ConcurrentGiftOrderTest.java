package io.partnerlink.giftorder;

import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API Gateway delivering the same request many times at once still makes one partner order. */
class ConcurrentGiftOrderTest {

    final GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void twentyConcurrentIdenticalRequestsMakeExactlyOnePartnerOrder() throws Exception {
        f.stubOrders(okJson("{}").withFixedDelay(500)); // keeps the first run in progress while the others arrive
        int n = 20;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return f.placeOrder("same-key", order(HOFF, 3));
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            int created = 0;
            for (Future<HttpAnswer> future : answers) {
                HttpAnswer answer = future.get(30, TimeUnit.SECONDS);
                assertTrue(Set.of(201, 409).contains(answer.status()), answer.status() + " " + answer.body());
                if (answer.status() == 201) {
                    created++;
                } else {
                    assertEquals("request-in-progress", answer.problemType());
                    assertTrue(answer.header("Retry-After") != null);
                }
            }
            assertTrue(created >= 1);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, f.orderCalls());
    }
}
