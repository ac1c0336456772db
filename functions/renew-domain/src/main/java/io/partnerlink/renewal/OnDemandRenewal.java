package io.partnerlink.renewal;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.art.ArtErrors;
import io.partnerlink.shared.art.ArtStore;
import io.partnerlink.shared.art.ArtTimestamps;
import io.partnerlink.shared.art.StoreDomain;
import io.partnerlink.shared.art.StoreOrder;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Renews one named domain now, whatever its expiry date, under the same once-per-expiry-date record as the
 * scheduled run. Deterministic answers (404, 409, a partner's refusal) are returned, so the route's idempotency
 * stores and replays them; retryable failures are thrown.
 */
@Singleton
public class OnDemandRenewal {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandRenewal.class);
    /** API Gateway gives up on an HTTP API integration after 30 s. */
    static final Duration HTTP_BUDGET = Duration.ofSeconds(25);

    private final ArtStore store;
    private final DomainRenewal renewal;
    private final RenewalPolicy policy;
    private final JsonBodies bodies;
    private final Clock clock;

    public OnDemandRenewal(ArtStore store, DomainRenewal renewal, RenewalPolicy policy, JsonBodies bodies, Clock clock) {
        this.store = store;
        this.renewal = renewal;
        this.policy = policy;
        this.bodies = bodies;
        this.clock = clock;
    }

    public ApiResponse renew(String name, RenewalRequest body, ApiRequest request) {
        Deadline deadline = Deadline.of(request.lambda(), Deadline.DEFAULT_MARGIN, HTTP_BUDGET, clock);
        if (deadline.remaining().compareTo(HTTP_BUDGET) > 0) {
            deadline = Deadline.in(HTTP_BUDGET, clock);
        }
        try {
            Optional<StoreDomain> held = store.domains(ArtStore.DomainQuery.named(name), 10, 0, deadline).items().stream()
                    .filter(d -> name.equalsIgnoreCase(d.name())).findFirst();
            if (held.isEmpty()) {
                return problem(request, ProblemType.NOT_FOUND, "We hold no .art domain named " + name + ".");
            }
            StoreDomain domain = held.get();
            if (RenewalRun.UNREGISTERED.equals(domain.status())) {
                return problem(request, RenewalProblems.NOT_RENEWABLE, name + " is unregistered: it is lost, there is nothing to renew.");
            }
            if (!domain.mayRenew()) {
                return problem(request, RenewalProblems.NOT_RENEWABLE, name + " may not be renewed: its _acl does not allow renew.");
            }
            if (domain.maxRenew() == null || domain.maxRenew() < 1) {
                return problem(request, RenewalProblems.NOT_RENEWABLE, name + " allows no renewal period (max_renew).");
            }
            int period = body.period() != null ? body.period() : policy.periodFor(domain).orElseThrow();
            if (period > domain.maxRenew()) {
                return problem(request, RenewalProblems.PERIOD_ABOVE_MAX_RENEW,
                        name + " may be renewed for at most " + domain.maxRenew() + " months; " + period + " were asked.");
            }
            String expiry = domain.expiredAt() == null ? null : ArtTimestamps.format(domain.expiredAt());
            if (body.dryRun()) {
                return dryRun(domain, period, expiry, deadline);
            }
            RenewalOutcome outcome = renewal.order(domain, period, request.lambda(), deadline);
            String status = switch (outcome.kind()) {
                case ORDERED -> "ordered";
                case OPEN_ORDER -> "open-order";
                case ALREADY_ORDERED -> "already-ordered";
            };
            return bodies.json(outcome.kind() == RenewalOutcome.Kind.ORDERED ? 201 : 200, new RenewalAnswer(name, status,
                    outcome.orderId(), outcome.invoiceId(), outcome.period(), outcome.orderStatus(), expiry, false,
                    outcome.registrant()));
        } catch (PartnerUnauthorizedException credentials) {
            // Our credentials, not this request: not stored, answered 502 and retried later. A token endpoint that
            // is down (ArtTokenUnavailableException) is no refusal: it passes on as 503.
            throw credentials;
        } catch (PartnerRejectedException rejected) {
            LOG.warn("On-demand renewal of {} refused: {}", name, ArtErrors.describe(rejected));
            ProblemType type = rejected.fieldErrors().isEmpty() ? ProblemType.UPSTREAM_REJECTED : ProblemType.PARTNER_VALIDATION_FAILED;
            return bodies.problem(new ProblemException(type, ".ART refused the renewal.", rejected.fieldErrors()), request.requestId());
        } catch (RenewalFailure | ArtTimestamps.ArtTimestampException failure) {
            return problem(request, RenewalProblems.NOT_RENEWABLE, name + " cannot be renewed: " + failure.getMessage() + ".");
        }
    }

    /** As the real request would go: our records, then .ART's open orders, then the registrant; nothing written. */
    private ApiResponse dryRun(StoreDomain domain, int period, String expiry, Deadline deadline) {
        Optional<RenewalOutcome> recorded = renewal.recorded(domain, deadline);
        if (recorded.isPresent()) {
            RenewalOutcome o = recorded.get();
            return bodies.json(200, new RenewalAnswer(domain.name(), "already-ordered", o.orderId(), o.invoiceId(), o.period(),
                    o.orderStatus(), expiry, true, o.registrant()));
        }
        Optional<StoreOrder> open = renewal.openOrder(domain.name(), deadline);
        if (open.isPresent()) {
            StoreOrder o = open.get();
            return bodies.json(200, new RenewalAnswer(domain.name(), "open-order", o.id(), o.invoice(), period, o.status(), expiry, true, null));
        }
        Registrant registrant = renewal.registrant(domain, deadline);
        return bodies.json(200, new RenewalAnswer(domain.name(), "would-order", null, null, period, null, expiry, true, registrant.source()));
    }

    private ApiResponse problem(ApiRequest request, ProblemType type, String detail) {
        return bodies.problem(new ProblemException(type, detail), request.requestId());
    }
}
