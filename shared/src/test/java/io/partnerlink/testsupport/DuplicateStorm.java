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
