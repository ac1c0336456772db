package io.partnerlink.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A storm of identical deliveries (issue 9, item 1): {@code copies} identical requests for each of {@code keys}
 * keys, in a shuffled order, all released at once onto {@code threads} threads calling the handler in-process.
 * Reports every answer by key and the most requests that were inside the handler at the same moment.
 */
public final class DuplicateStorm {

    private final int keys;
    private final int copies;
    private final int threads;

    public DuplicateStorm(int keys, int copies, int threads) {
        this.keys = keys;
        this.copies = copies;
        this.threads = threads;
    }

    public record Result(Map<Integer, List<HttpAnswer>> answersByKey, int maxInFlight) {

        public int requests() {
            return answersByKey.values().stream().mapToInt(List::size).sum();
        }

        /**
         * Asserts that every key got exactly one original {@code success} answer, that every other success is the same
         * stored body replayed, and that every remaining answer is a 409 {@code request-in-progress} with
         * {@code Retry-After}; every answer is {@link CleanAnswers#assertClean clean}. Returns the answers by status.
         */
        public Map<Integer, Long> assertStoredSuccessOrInProgress(int success) {
            Map<Integer, Long> statuses = new TreeMap<>();
            answersByKey.forEach((key, answers) -> {
                List<HttpAnswer> successes = answers.stream().filter(a -> a.status() == success).toList();
                assertEquals(1, successes.stream().filter(a -> a.header("Idempotent-Replayed") == null).count(),
                        "exactly one original answer for key " + key);
                assertEquals(1, successes.stream().map(HttpAnswer::body).distinct().count(), "every success of key " + key + " is the stored one");
                for (HttpAnswer answer : answers) {
                    CleanAnswers.assertClean(answer);
                    statuses.merge(answer.status(), 1L, Long::sum);
                    if (answer.status() != success) {
                        CleanAnswers.assertProblem(answer, 409, "request-in-progress");
                        assertNotNull(answer.header("Retry-After"));
                    }
                }
            });
            return statuses;
        }
    }

    /** Runs {@code request.apply(key)} {@code copies} times per key and waits for every answer. */
    public Result run(IntFunction<HttpAnswer> request) throws Exception {
        List<Integer> order = new ArrayList<>(keys * copies);
        for (int key = 0; key < keys; key++) {
            for (int copy = 0; copy < copies; copy++) {
                order.add(key);
            }
        }
        Collections.shuffle(order, new Random(keys * 31L + copies));
        Map<Integer, List<HttpAnswer>> answers = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>(order.size());
            for (int key : order) {
                futures.add(pool.submit(() -> {
                    go.await();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        HttpAnswer answer = request.apply(key);
                        answers.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(answer);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(new TreeMap<>(answers), maxInFlight.get());
    }
}
