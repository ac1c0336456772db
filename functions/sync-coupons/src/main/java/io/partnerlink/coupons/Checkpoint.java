package io.partnerlink.coupons;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The state of an unfinished run, one per scope: where the next invocation goes on ({@code nextOffset}), the run's
 * options and counts so far, and the lease ({@code leaseOwner} until {@code leaseUntil}) that keeps two invocations
 * from working on it at once. {@code version} makes every write conditional on the state it was based on.
 */
record Checkpoint(String scope, String runId, @Nullable String email, @Nullable String phone, boolean fullResync,
                  int nextOffset, Instant startedAt, SyncSummary tally, @Nullable String leaseOwner, Instant leaseUntil,
                  long version) {

    /** A new run; {@code replacing} is the version of the checkpoint it takes the place of (0 when there is none). */
    static Checkpoint fresh(String runId, SyncRequest request, Instant now, long replacing) {
        return new Checkpoint(request.scope(), runId, request.email(), request.phone(), request.fullResync(), 0, now,
                SyncSummary.empty(runId), null, Instant.EPOCH, replacing);
    }

    boolean leasedToAnotherAt(Instant now, String owner) {
        return leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil.isAfter(now);
    }

    Checkpoint leasedTo(String owner, Instant until) {
        return new Checkpoint(scope, runId, email, phone, fullResync, nextOffset, startedAt, tally, owner, until, version);
    }

    /** Progress saved and the lease let go, so the next invocation can take the run at once. */
    Checkpoint pausedAt(int offset, SyncSummary soFar) {
        return new Checkpoint(scope, runId, email, phone, fullResync, offset, startedAt, soFar, null, Instant.EPOCH, version);
    }
}
