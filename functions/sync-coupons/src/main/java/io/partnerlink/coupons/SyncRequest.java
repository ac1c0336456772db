package io.partnerlink.coupons;

import io.micronaut.core.annotation.Nullable;
import io.partnerlink.shared.idempotency.IdempotencyKeys;

/**
 * A validated trigger: the event id that makes it exactly-once (null for a manual event without one), whether the
 * schedule sent it, and the run's options.
 */
public record SyncRequest(@Nullable String eventId, boolean scheduled, @Nullable String email, @Nullable String phone,
                          boolean fullResync) {

    /**
     * Runs over the same client selection share one checkpoint: {@code all}, or one per filter, so a narrow manual
     * run never moves the schedule's offset.
     */
    public String scope() {
        if (email == null && phone == null) {
            return "all";
        }
        return "filter-" + IdempotencyKeys.fromParts(email, phone).substring(0, 24);
    }

    /** What a repeated event id must match (docs/design.md §Idempotency: same key, other payload is refused). */
    public String fingerprint() {
        return "email=" + (email == null ? "" : email) + "|phone=" + (phone == null ? "" : phone) + "|fullResync=" + fullResync;
    }
}
