package io.partnerlink.renewal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What a scheduled run did: returned by the function and logged.
 *
 * @param scanned     domains examined: every domain of every status list, each once
 * @param due         domains within the window whose {@code _acl} allows renewal
 * @param ordered     renewal orders this run created (invoice to be paid: see README, "Payment")
 * @param planned     what a dry run would have done
 * @param autorenewed domains whose autorenew this run turned on (strategy {@code autorenew})
 * @param skipped     due domains (and domains in the window that may not be renewed) left alone, with the reason
 * @param failed      domains whose renewal failed, with the reason; the run went on with the others
 * @param byStatus    every domain examined, counted by its store status ({@code active}, {@code expired},
 *                    {@code unregistered}, or another the partner sent); the counts add up to {@code scanned}
 * @param lost        {@code unregistered} domains: gone, nothing left to renew
 * @param fallbackRegistrants domains ordered (or planned) with the configured fallback contact instead of their own
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RenewalSummary(boolean dryRun, String strategy, int scanned, int due, List<Ordered> ordered,
                             List<Planned> planned, List<String> autorenewed, List<Skipped> skipped, List<Failed> failed,
                             Map<String, Integer> byStatus, List<Lost> lost, List<String> fallbackRegistrants) {

    /** {@code expiredAt} as the partner wrote it (null when absent). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Lost(String domain, @Nullable String expiredAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ordered(String domain, String orderId, @Nullable String invoiceId, int period) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Planned(String domain, String action, int period, @Nullable String expiredAt) {
    }

    /** {@code reason} is a stable code ({@code open-order}, {@code already-ordered}, ...), {@code detail} prose. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Skipped(String domain, String reason, String detail, @Nullable String orderId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Failed(String domain, String reason) {
    }

    public String counts() {
        return "scanned " + scanned + ", due " + due + ", ordered " + ordered.size() + ", planned " + planned.size()
                + ", autorenewed " + autorenewed.size() + ", skipped " + skipped.size() + ", failed " + failed.size()
                + ", lost " + lost.size() + ", by status " + byStatus;
    }
}
