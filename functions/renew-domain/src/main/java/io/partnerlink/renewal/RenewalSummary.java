package io.partnerlink.renewal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a scheduled run did: returned by the function and logged.
 *
 * @param scanned     active domains read
 * @param due         domains within the window whose {@code _acl} allows renewal
 * @param ordered     renewal orders this run created (invoice to be paid: see README, "Payment")
 * @param planned     what a dry run would have done
 * @param autorenewed domains whose autorenew this run turned on (strategy {@code autorenew})
 * @param skipped     due domains (and domains in the window that may not be renewed) left alone, with the reason
 * @param failed      domains whose renewal failed, with the reason; the run went on with the others
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RenewalSummary(boolean dryRun, String strategy, int scanned, int due, List<Ordered> ordered,
                             List<Planned> planned, List<String> autorenewed, List<Skipped> skipped, List<Failed> failed) {

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
                + ", autorenewed " + autorenewed.size() + ", skipped " + skipped.size() + ", failed " + failed.size();
    }
}
