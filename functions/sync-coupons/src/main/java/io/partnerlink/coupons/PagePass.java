package io.partnerlink.coupons;

import io.partnerlink.shared.ibonus.LoyaltyClient;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Mirrors the clients of one page, at most {@code concurrency} at a time, starting them in page order and starting
 * no more once the budget runs low or the run must stop. The next page is fetched while the last clients run (in one
 * of the slots), so the page boundary costs no partner round trip; no client of it starts before this page is done.
 * Every started client is waited for, so the clients done are exactly the first {@code processed} of the page: the
 * next offset is exact, and resuming repeats nothing but clients cut off by a 401 (repeating one is harmless:
 * unchanged items are not written).
 */
@Singleton
public class PagePass {

    private static final Logger LOG = LoggerFactory.getLogger(PagePass.class);

    private final ClientSync clientSync;
    private final ClientDigests digests;
    private final SyncConfig config;

    public PagePass(ClientSync clientSync, ClientDigests digests, SyncConfig config) {
        this.clientSync = clientSync;
        this.digests = digests;
        this.config = config;
    }

    /** A page of clients as listed from {@code start}, with their digest items (none read for a full resync). */
    record Page(int start, List<LoyaltyClient> clients, Map<Long, ClientDigests.Seen> seen) {
    }

    /**
     * How many clients from the start of the page are done, whether a 401 stopped the page, and the next page when
     * it was fetched ahead (null when not).
     */
    record Result(int processed, boolean unauthorized, Ahead next) {
    }

    /** The page fetched ahead, or what fetching it threw, which {@link #page()} throws to the caller. */
    record Ahead(Page fetched, RuntimeException failure) {

        Page page() {
            if (failure != null) {
                throw failure;
            }
            return fetched;
        }
    }

    /** A page as listed, with its clients' digests read. */
    Page page(int start, List<LoyaltyClient> clients, boolean rewriteAll) {
        // One read for the page's digests; a full resync rewrites every item anyway.
        Map<Long, ClientDigests.Seen> seen = rewriteAll || clients.isEmpty() ? Map.of()
                : digests.read(clients.stream().map(LoyaltyClient::id).toList());
        return new Page(start, clients, seen);
    }

    /**
     * Mirrors {@code clients} (the page's, from client offset {@code pageOffset}); once the last one has started,
     * fetches {@code next} (when given) in a slot of its own, so the next page is there when this one is done.
     */
    Result run(List<LoyaltyClient> clients, Map<Long, ClientDigests.Seen> seen, int pageOffset, RunBudget budget,
               boolean rewriteAll, SyncTally tally, AtomicInteger progress, Supplier<Page> next) {
        Semaphore slots = new Semaphore(config.concurrency());
        AtomicInteger firstUnauthorized = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        AtomicReference<Ahead> ahead = new AtomicReference<>();
        int started = 0;
        // Platform threads: on the java21 runtime a virtual thread blocked in synchronized I/O would pin its carrier.
        try (ExecutorService pool = Executors.newFixedThreadPool(config.concurrency())) {
            for (int i = 0; i < clients.size(); i++) {
                slots.acquireUninterruptibly();
                if (firstUnauthorized.get() != Integer.MAX_VALUE || failure.get() != null || budget.low()) {
                    slots.release();
                    break;
                }
                int index = i;
                long clientId = clients.get(i).id();
                started++;
                pool.execute(() -> {
                    if (mdc != null) {
                        MDC.setContextMap(mdc);
                    }
                    try {
                        clientSync.sync(clientId, seen.get(clientId), budget.retryDeadline(), rewriteAll, tally);
                        logProgress(progress.incrementAndGet(), pageOffset + index, tally);
                    } catch (PartnerUnauthorizedException e) {
                        firstUnauthorized.accumulateAndGet(index, Math::min);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                        MDC.clear();
                    }
                });
            }
            if (next != null && started == clients.size()) {
                slots.acquireUninterruptibly(); // a partner call like any other: it takes one of the slots
                pool.execute(() -> {
                    try {
                        ahead.set(new Ahead(next.get(), null));
                    } catch (RuntimeException e) {
                        ahead.set(new Ahead(null, e));
                    } finally {
                        slots.release();
                    }
                });
            }
        } // close() waits for every started client (and the page fetched ahead)
        if (failure.get() != null) {
            throw failure.get();
        }
        int unauthorizedAt = firstUnauthorized.get();
        return new Result(Math.min(started, unauthorizedAt), unauthorizedAt != Integer.MAX_VALUE, ahead.get());
    }

    private void logProgress(int done, int offset, SyncTally tally) {
        if (done % config.progressEvery() == 0) {
            LOG.info("Sync progress: {} clients in this invocation (offset {}), {} coupons seen, {} writes, {} errors so far",
                    done, offset, tally.couponsSeen.get(), tally.writes.get(), tally.errorCount());
        }
    }
}
