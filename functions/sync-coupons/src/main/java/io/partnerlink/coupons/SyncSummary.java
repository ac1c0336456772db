package io.partnerlink.coupons;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a run did, returned and logged. Counts cover the whole run so far, across the invocations it was cut into
 * (the checkpoint carries them): each coupon seen is exactly one of created, updated, expired (an existing coupon
 * whose status became expired) or unchanged; removed counts coupons marked removed; balancesUpdated counts balance
 * items written; writes counts every coupon and balance item written. {@code resumedFromOffset} is the client offset
 * this invocation resumed at (null when it started the run); {@code durationMs} is the run's working time.
 * {@code clientsVanished} counts enrolled clients a complete pass did not find in i-bonus' list, and {@code orphaned}
 * their coupons, marked {@code orphaned} (never deleted). {@code complete} is true only when the pass saw the end of the
 * list (an empty page).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncSummary(
        String runId,
        int clientsScanned,
        int couponsSeen,
        int created,
        int updated,
        int unchanged,
        int expired,
        int removed,
        int balancesUpdated,
        int writes,
        List<SyncError> errors,
        boolean complete,
        @Nullable Integer resumedFromOffset,
        long durationMs,
        int clientsVanished,
        int orphaned) {

    static SyncSummary empty(String runId) {
        return new SyncSummary(runId, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), false, null, 0, 0, 0);
    }
}
