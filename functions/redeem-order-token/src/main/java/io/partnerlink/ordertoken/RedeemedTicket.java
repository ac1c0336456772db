package io.partnerlink.ordertoken;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerlink.shared.vitec.OrderTicket;

/**
 * The 200 answer: the order ticket in Vitec's field names ({@code orderUserId} is the handling agent,
 * {@code targetId}/{@code targetType} the property) and when we redeemed it (ISO-8601 UTC). Every field is
 * always present, null when Vitec left it out, so consumers see one fixed shape.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RedeemedTicket(String orderId,
                             String userId,
                             String orderUserId,
                             String targetId,
                             String targetType,
                             String tenantId,
                             String chainId,
                             String customerId,
                             String redeemedAt) {

    static RedeemedTicket of(OrderTicket ticket, java.time.Instant redeemedAt) {
        return new RedeemedTicket(ticket.orderId(), ticket.userId(), ticket.orderUserId(), ticket.targetId(),
                ticket.targetType(), ticket.tenantId(), ticket.chainId(), ticket.customerId(),
                redeemedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
    }
}
