package io.partnerlink.coupons;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Settings of the sync (prefix {@code coupons.sync}, e.g. env {@code COUPONS_SYNC_CONCURRENCY}).
 *
 * @param pageSize         the {@code limit} of each {@code GET /clients/} page; only an empty page ends the pass
 * @param concurrency      clients whose coupons and balance are fetched at the same time
 * @param safetyMargin     no new client is started once the Lambda has less than this left; the checkpoint is saved
 * @param progressEvery    a progress line is logged every this many clients
 * @param maxErrors        errors kept in the summary (every error is logged)
 * @param checkpointMaxAge an unfinished run older than this is started over instead of resumed
 * @param localBudget      the time a run may take when no Lambda context tells it (a local call)
 * @param maxClients       a client list that has not ended after this many clients ends the run with an error
 */
@ConfigurationProperties("coupons.sync")
public record SyncConfig(
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int pageSize,
        @Bindable(defaultValue = "8") @Min(1) @Max(64) int concurrency,
        @Bindable(defaultValue = "60s") Duration safetyMargin,
        @Bindable(defaultValue = "100") @Min(1) int progressEvery,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int maxErrors,
        @Bindable(defaultValue = "24h") Duration checkpointMaxAge,
        @Bindable(defaultValue = "14m") Duration localBudget,
        @Bindable(defaultValue = "1000000") @Min(1) int maxClients) {
}
