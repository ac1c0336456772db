package io.partnerlink.giftorder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerlink.shared.vektor.VektorAnswer;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The 201 answer to {@code POST /gift-orders}: the order as placed at vektor-adv, priced from its catalogue, with
 * vektor's own answer to the order ({@code partnerAnswer}, verbatim and bounded; stored, so a replay carries it too).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GiftOrder(UUID orderId, @Nullable String reference, Customer customer, List<Line> certificates,
                        BigDecimal total, @Nullable VektorAnswer partnerAnswer) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String email, @Nullable String name, @Nullable String phone) {
    }

    /** One order line: what the certificate is worth ({@code nominalValue} in {@code unit}) and what it costs. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String id, @Nullable String vendor, @Nullable String unit, @Nullable BigDecimal nominalValue,
                       BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {
    }
}
