package io.partnerlink.ordertoken;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import io.partnerlink.shared.vitec.OrderTicket;
import io.partnerlink.shared.vitec.OrderTickets;
import io.partnerlink.shared.vitec.VitecBadRequestException;
import io.partnerlink.shared.vitec.VitecForbiddenException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;

/**
 * Redeems one order token and decides the answer. Answers that Vitec would give again for the same token are
 * RETURNED, so they are stored and replayed (ticket, expired, customer mismatch, Vitec 400 and 403). Failures
 * that may pass are THROWN, so the key is released and a redelivery tries again (5xx/timeouts, our credentials
 * refused, an incomplete ticket).
 */
@Singleton
public class OrderTokenRedemption {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTokenRedemption.class);
    /** MDC field a CloudWatch metric filter alarms on (template.yaml, VitecCredentialsRefusedAlarm). */
    public static final String MDC_ALARM = "alarm";
    public static final String CREDENTIALS_REFUSED = "vitec-credentials-refused";
    /** The budget when no Lambda context tells the remaining time (a local call): the template's 30 s timeout. */
    private static final Duration NO_CONTEXT_BUDGET = Duration.ofSeconds(30);

    private final OrderTickets tickets;
    private final JsonBodies bodies;
    private final Clock clock;

    public OrderTokenRedemption(OrderTickets tickets, JsonBodies bodies, Clock clock) {
        this.tickets = tickets;
        this.bodies = bodies;
        this.clock = clock;
    }

    public ApiResponse redeem(OrderTokenRequest order, ApiRequest request) {
        String customerId = order.customerId();
        Deadline deadline = Deadline.of(request.lambda(), Deadline.DEFAULT_MARGIN, NO_CONTEXT_BUDGET, clock);
        OrderTicket ticket;
        try {
            ticket = tickets.redeem(customerId, order.token(), deadline);
        } catch (VitecBadRequestException e) {
            return problem(request, ProblemType.PARTNER_VALIDATION_FAILED, "Vitec rejected the order token: " + e.partnerMessage());
        } catch (VitecForbiddenException e) {
            LOG.error("Vitec denied our account access to customer {} (HTTP 403)", customerId);
            return problem(request, ProblemType.UPSTREAM_REJECTED, "Vitec denied access to customer " + customerId + ".");
        } catch (PartnerUnauthorizedException e) {
            credentialsRefused();
            throw new ProblemException(ProblemType.UPSTREAM_REJECTED, "Vitec refused our credentials. Retry later.");
        } catch (PartnerRejectedException e) {
            LOG.error("Vitec refused the order token request for customer {} with HTTP {}", customerId, e.status());
            return problem(request, ProblemType.UPSTREAM_REJECTED, "Vitec refused the request (HTTP " + e.status() + ").");
        }
        if (isBlank(ticket.orderId()) || !ticket.statesExpiry()) {
            // A ticket without an order id or without either expiry flag breaks the documented contract; refusing is
            // safer than redeeming a token that may have expired. Not stored, so a redelivery asks again.
            LOG.error("Vitec answered an incomplete order ticket for customer {} (orderId present: {}, expiry flag present: {})",
                    customerId, !isBlank(ticket.orderId()), ticket.statesExpiry());
            throw new ProblemException(ProblemType.UPSTREAM_REJECTED, "Vitec answered an incomplete order ticket.");
        }
        if (!customerId.equals(ticket.customerId())) {
            LOG.error("Vitec order ticket {} belongs to customer {}, not to the customer asked for, {}",
                    ticket.orderId(), ticket.customerId(), customerId);
            return problem(request, ProblemType.UPSTREAM_REJECTED, "The order token does not belong to customer " + customerId + ".");
        }
        if (ticket.expired()) {
            LOG.info("Order token for order {} has expired", ticket.orderId());
            return problem(request, ProblemType.TOKEN_EXPIRED, "The order token has expired; ask Vitec Express for a new order.");
        }
        LOG.info("Redeemed order token: order {}, target {} ({})", ticket.orderId(), ticket.targetId(), ticket.targetType());
        return bodies.json(200, RedeemedTicket.of(ticket, clock.instant()));
    }

    private static void credentialsRefused() {
        MDC.put(MDC_ALARM, CREDENTIALS_REFUSED);
        try {
            LOG.error("Vitec refused our Basic credentials (HTTP 401) even after re-reading the secret: fix the Vitec secret");
        } finally {
            MDC.remove(MDC_ALARM);
        }
    }

    private ApiResponse problem(ApiRequest request, ProblemType type, String detail) {
        return bodies.problem(new ProblemException(type, detail), request.requestId());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
