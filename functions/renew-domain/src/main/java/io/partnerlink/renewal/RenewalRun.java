package io.partnerlink.renewal;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.art.ArtErrors;
import io.partnerlink.shared.art.ArtStore;
import io.partnerlink.shared.art.ArtTimestamps;
import io.partnerlink.shared.art.ArtTokenUnavailableException;
import io.partnerlink.shared.art.StoreDomain;
import io.partnerlink.shared.idempotency.Idempotency;
import io.partnerlink.shared.idempotency.IdempotencyRequestInProgressException;
import io.partnerlink.shared.idempotency.IdempotencyStoreUnavailableException;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerException;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.secrets.SecretUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scheduled run: pages the domains of every store status ({@link #STATUSES}), renews the due {@code active} and
 * {@code expired} (grace period) ones once per expiry date ({@link DomainRenewal}) and reports {@code unregistered}
 * ones as lost. A failure on one domain (an unreadable timestamp, no contact of its own, a refusal) is reported and
 * the run goes on; a failure no domain can get past, a list that cannot be read to its end included, stops it
 * ({@link RenewalRunStoppedException}).
 */
@Singleton
public class RenewalRun {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalRun.class);
    static final String ACTIVE = "active";
    /** In grace: past {@code expired_at}, still ours to renew (the seed lists the status; we read it as grace). */
    static final String EXPIRED = "expired";
    /** Gone from the registry: nothing left to renew, reported as lost. */
    static final String UNREGISTERED = "unregistered";
    /** The store domain statuses of the seed ({@code GET /store/domains/statuses}), each listed on its own. */
    static final List<String> STATUSES = List.of(ACTIVE, EXPIRED, UNREGISTERED);
    /** Without a Lambda context (a local call) a run may take this long. */
    static final Duration LOCAL_BUDGET = Duration.ofMinutes(5);

    private final ArtStore store;
    private final DomainRenewal renewal;
    private final RenewalPolicy policy;
    private final RenewalSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    public RenewalRun(ArtStore store, DomainRenewal renewal, RenewalPolicy policy, RenewalSettings settings,
                      ObjectMapper json, Clock clock) {
        this.store = store;
        this.renewal = renewal;
        this.policy = policy;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public RenewalSummary run(boolean dryRun, Context lambda) {
        Deadline deadline = Deadline.of(lambda, settings.finishMargin(), LOCAL_BUDGET, clock);
        Instant now = clock.instant();
        SummaryBuilder summary = new SummaryBuilder(dryRun, settings.strategy().name().toLowerCase(Locale.ROOT));
        LOG.info("Renewal run started: window {} days, period {} months, strategy {}{}", settings.windowDays(),
                settings.periodMonths(), summary.strategy, dryRun ? ", dry run" : "");
        try {
            Set<String> examined = new HashSet<>();
            for (String listed : STATUSES) {
                for (StoreDomain domain : store.allDomains(ArtStore.DomainQuery.withStatus(listed), settings.pageSize(), deadline)) {
                    if (!examined.add(domain.id())) {
                        continue; // a filter the partner ignored, or a domain that changed status between two lists
                    }
                    String status = domain.status() == null ? listed : domain.status();
                    summary.examined(status);
                    try {
                        examine(domain, status, now, dryRun, lambda, deadline, summary);
                    } catch (ArtTimestamps.ArtTimestampException unreadable) {
                        summary.fail(domain, unreadable.getMessage());
                    } finally {
                        MDC.remove(Idempotency.MDC_KEY_HASH); // the key hash belongs to that domain's lines only
                    }
                }
            }
        } catch (PartnerException | SecretUnavailableException | IdempotencyStoreUnavailableException fatal) {
            // Listing failed (after retries), or a failure no domain can get past was rethrown by consider().
            RenewalSummary partial = summary.build();
            LOG.error("Renewal run stopped: {}. Done before stopping: {}", fatal.getMessage(), partial.counts());
            log(partial);
            throw new RenewalRunStoppedException("Renewal run stopped: " + fatal.getMessage()
                    + " (done before stopping: " + partial.counts() + ")", fatal);
        }
        RenewalSummary result = summary.build();
        LOG.info("Renewal run finished: {}", result.counts());
        log(result);
        return result;
    }

    private void examine(StoreDomain domain, String status, Instant now, boolean dryRun, Context lambda, Deadline deadline,
                         SummaryBuilder summary) {
        switch (status) {
            case ACTIVE, EXPIRED -> consider(domain, now, dryRun, lambda, deadline, summary);
            case UNREGISTERED -> summary.lose(domain);
            default -> summary.skip(domain, "status-not-renewable", "status " + status + " is none the seed documents", null);
        }
    }

    private void consider(StoreDomain domain, Instant now, boolean dryRun, Context lambda, Deadline deadline,
                          SummaryBuilder summary) {
        if (!policy.expiresWithinWindow(domain, now)) {
            return;
        }
        String expiry = ArtTimestamps.format(domain.expiredAt());
        if (!domain.mayRenew()) {
            // Not due (we may not renew it), but losing it must not pass in silence.
            summary.skip(domain, "no-renew-right", "expires " + expiry + " but its _acl does not allow renew", null);
            return;
        }
        summary.due++;
        OptionalInt period = policy.periodFor(domain);
        if (period.isEmpty()) {
            summary.skip(domain, "no-renewal-period", "max_renew allows no renewal period", null);
            return;
        }
        if (deadline.hasLessThan(settings.domainBudget())) {
            summary.skip(domain, "out-of-time", "no time left in this run; the next run renews it", null);
            return;
        }
        try {
            if (dryRun) {
                plan(domain, period.getAsInt(), expiry, deadline, summary);
            } else if (settings.strategy() == RenewalSettings.Strategy.AUTORENEW) {
                if (renewal.enableAutorenew(domain, lambda, deadline)) {
                    summary.autorenewed.add(domain.name());
                } else {
                    summary.skip(domain, "autorenew-already-on", "autorenew was turned on for this expiry date already", null);
                }
            } else {
                record(domain, renewal.order(domain, period.getAsInt(), lambda, deadline), summary);
            }
        } catch (IdempotencyRequestInProgressException busy) {
            summary.skip(domain, "in-progress", "another run or request is renewing it right now", null);
        } catch (PartnerUnauthorizedException | ArtTokenUnavailableException | SecretUnavailableException
                 | IdempotencyStoreUnavailableException fatal) {
            throw fatal;
        } catch (PartnerRejectedException rejected) {
            summary.fail(domain, ArtErrors.describe(rejected));
        } catch (RuntimeException e) {
            summary.fail(domain, e instanceof RenewalFailure || e instanceof PartnerException
                    ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What the real run would do, read-only: our records first, then .ART's open orders, then the registrant. */
    private void plan(StoreDomain domain, int period, String expiry, Deadline deadline, SummaryBuilder summary) {
        if (settings.strategy() == RenewalSettings.Strategy.AUTORENEW) {
            if (renewal.autorenewRecorded(domain)) {
                summary.skip(domain, "autorenew-already-on", "autorenew was turned on for this expiry date already", null);
            } else {
                summary.planned.add(new RenewalSummary.Planned(domain.name(), "autorenew", period, expiry));
            }
            return;
        }
        var recorded = renewal.recorded(domain, deadline);
        if (recorded.isPresent()) {
            record(domain, recorded.get(), summary);
            return;
        }
        var open = renewal.openOrder(domain.name(), deadline);
        if (open.isPresent()) {
            summary.skip(domain, "open-order", "renewal order " + open.get().id() + " is " + open.get().status(), open.get().id());
            return;
        }
        Registrant registrant = renewal.registrant(domain, deadline);
        summary.planned.add(new RenewalSummary.Planned(domain.name(), "order", period, expiry));
        summary.registrant(domain, registrant.source());
    }

    private static void record(StoreDomain domain, RenewalOutcome outcome, SummaryBuilder summary) {
        switch (outcome.kind()) {
            case ORDERED -> {
                summary.ordered.add(new RenewalSummary.Ordered(domain.name(), outcome.orderId(),
                        outcome.invoiceId(), outcome.period() == null ? 0 : outcome.period()));
                summary.registrant(domain, outcome.registrant());
            }
            case OPEN_ORDER -> summary.skip(domain, "open-order",
                    "renewal order " + outcome.orderId() + " is " + outcome.orderStatus(), outcome.orderId());
            case ALREADY_ORDERED -> summary.skip(domain, "already-ordered", "renewal order " + outcome.orderId()
                    + " (" + outcome.orderStatus() + ") answers this expiry date", outcome.orderId());
        }
    }

    private void log(RenewalSummary summary) {
        try {
            LOG.info("Renewal summary: {}", json.writeValueAsString(summary));
        } catch (IOException e) {
            LOG.warn("Could not write the renewal summary as JSON: {}", e.getMessage());
        }
    }

    private static final class SummaryBuilder {
        final boolean dryRun;
        final String strategy;
        int scanned;
        int due;
        final List<RenewalSummary.Ordered> ordered = new ArrayList<>();
        final List<RenewalSummary.Planned> planned = new ArrayList<>();
        final List<String> autorenewed = new ArrayList<>();
        final List<RenewalSummary.Skipped> skipped = new ArrayList<>();
        final List<RenewalSummary.Failed> failed = new ArrayList<>();
        final Map<String, Integer> byStatus = new TreeMap<>();
        final List<RenewalSummary.Lost> lost = new ArrayList<>();
        final List<String> fallbackRegistrants = new ArrayList<>();

        SummaryBuilder(boolean dryRun, String strategy) {
            this.dryRun = dryRun;
            this.strategy = strategy;
        }

        void skip(StoreDomain domain, String reason, String detail, String orderId) {
            LOG.info("Skipped {}: {} ({})", domain.name(), reason, detail);
            skipped.add(new RenewalSummary.Skipped(domain.name(), reason, detail, orderId));
        }

        void examined(String status) {
            scanned++;
            byStatus.merge(status, 1, Integer::sum);
        }

        void lose(StoreDomain domain) {
            LOG.warn("{} is unregistered: lost, nothing left to renew", domain.name());
            lost.add(new RenewalSummary.Lost(domain.name(), domain.expiredAtText()));
        }

        /** Reports a renewal (or plan) sent with the configured fallback rather than the domain's own contact. */
        void registrant(StoreDomain domain, String source) {
            if (Registrant.CONFIGURED_FALLBACK.equals(source)) {
                LOG.warn("{} is renewed with the configured fallback contact (renewal.default-contact.domains names it)", domain.name());
                fallbackRegistrants.add(domain.name());
            }
        }

        void fail(StoreDomain domain, String reason) {
            LOG.warn("Renewal of {} failed: {}", domain.name(), reason);
            failed.add(new RenewalSummary.Failed(domain.name(), reason));
        }

        RenewalSummary build() {
            return new RenewalSummary(dryRun, strategy, scanned, due, List.copyOf(ordered), List.copyOf(planned),
                    List.copyOf(autorenewed), List.copyOf(skipped), List.copyOf(failed), Map.copyOf(byStatus),
                    List.copyOf(lost), List.copyOf(fallbackRegistrants));
        }
    }
}
