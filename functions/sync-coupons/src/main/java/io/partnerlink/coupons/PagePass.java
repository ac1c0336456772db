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

/**
 * Mirrors the clients of one page, at most {@code concurrency} at a time, starting them in page order and starting
 * no more once the budget runs low or the run must stop. Every started client is waited for, so the clients done
 * are exactly the first {@code processed} of the page: the next offset is exact, and resuming repeats nothing
 * but clients cut off by a 401 (repeating one is harmless: unchanged items are not written).
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

    /** How many clients from the start of the page are done, and whether a 401 stopped the page. */
    record Result(int processed, boolean unauthorized) {
    }

    Result run(List<LoyaltyClient> page, int pageOffset, RunBudget budget, boolean rewriteAll, SyncTally tally,
               AtomicInteger progress) {
        Semaphore slots = new Semaphore(config.concurrency());
        AtomicInteger firstUnauthorized = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        // One read for the page's digests; a full resync rewrites every item anyway.
        Map<Long, ClientDigests.Seen> seen = rewriteAll ? Map.of() : digests.read(page.stream().map(LoyaltyClient::id).toList());
        int started = 0;
        // Platform threads: on the java21 runtime a virtual thread blocked in synchronized I/O would pin its carrier.
        try (ExecutorService pool = Executors.newFixedThreadPool(config.concurrency())) {
            for (int i = 0; i < page.size(); i++) {
                slots.acquireUninterruptibly();
                if (firstUnauthorized.get() != Integer.MAX_VALUE || failure.get() != null || budget.low()) {
                    slots.release();
                    break;
                }
                int index = i;
                long clientId = page.get(i).id();
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
        } // close() waits for every started client
        if (failure.get() != null) {
            throw failure.get();
        }
        int unauthorizedAt = firstUnauthorized.get();
        return new Result(Math.min(started, unauthorizedAt), unauthorizedAt != Integer.MAX_VALUE);
    }

    private void logProgress(int done, int offset, SyncTally tally) {
        if (done % config.progressEvery() == 0) {
            LOG.info("Sync progress: {} clients in this invocation (offset {}), {} coupons seen, {} writes, {} errors so far",
                    done, offset, tally.couponsSeen.get(), tally.writes.get(), tally.errorCount());
        }
    }
}
