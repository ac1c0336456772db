package io.partnerlink.shared.vektor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * One purchasable certificate from {@code GET /api/certificates}: the product id (kept in the case the partner
 * sent it), the vendor, the unit of the face value ({@code rub}, {@code month}, an open set), the face value and
 * the price, both decimals.
 */
@Serdeable
public record VektorCertificate(@Nullable String id, @Nullable String vendor, @Nullable String unit,
                                @Nullable BigDecimal value, @Nullable BigDecimal price) {
}
