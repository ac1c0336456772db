package io.partnerlink.coupons;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running counts of a run, shared by the concurrent client tasks, continued from the checkpoint when a run is
 * resumed. Every error is logged; the first {@code maxErrors} are kept for the summary.
 */
final class SyncTally {

    private static final Logger LOG = LoggerFactory.getLogger(SyncTally.class);

    final AtomicInteger clientsScanned;
    final AtomicInteger couponsSeen;
    final AtomicInteger created;
    final AtomicInteger updated;
    final AtomicInteger unchanged;
    final AtomicInteger expired;
    final AtomicInteger removed;
    final AtomicInteger balancesUpdated;
    final AtomicInteger writes;
    final AtomicInteger clientsVanished;
    final AtomicInteger orphaned;
    private final AtomicInteger errorCount = new AtomicInteger();
    private final List<SyncError> errors;
    private final int maxErrors;
    private final long previousDurationMs;

    SyncTally(SyncSummary previous, int maxErrors) {
        clientsScanned = new AtomicInteger(previous.clientsScanned());
        couponsSeen = new AtomicInteger(previous.couponsSeen());
        created = new AtomicInteger(previous.created());
        updated = new AtomicInteger(previous.updated());
        unchanged = new AtomicInteger(previous.unchanged());
        expired = new AtomicInteger(previous.expired());
        removed = new AtomicInteger(previous.removed());
        balancesUpdated = new AtomicInteger(previous.balancesUpdated());
        writes = new AtomicInteger(previous.writes());
        clientsVanished = new AtomicInteger(previous.clientsVanished());
        orphaned = new AtomicInteger(previous.orphaned());
        errors = new ArrayList<>(previous.errors());
        this.maxErrors = maxErrors;
        this.previousDurationMs = previous.durationMs();
    }

    void error(Long clientId, int status, String message) {
        LOG.warn("Sync error: client {} status {}: {}", clientId, status, message);
        errorCount.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < maxErrors) {
                errors.add(new SyncError(clientId, status, message));
            }
        }
    }

    /** Errors in this invocation, including those past the summary's limit. */
    int errorCount() {
        return errorCount.get();
    }

    SyncSummary summary(String runId, boolean complete, Integer resumedFromOffset, long invocationMs) {
        List<SyncError> kept;
        synchronized (errors) {
            kept = List.copyOf(errors);
        }
        return new SyncSummary(runId, clientsScanned.get(), couponsSeen.get(), created.get(), updated.get(),
                unchanged.get(), expired.get(), removed.get(), balancesUpdated.get(), writes.get(), kept, complete,
                resumedFromOffset, previousDurationMs + invocationMs, clientsVanished.get(), orphaned.get());
    }
}
