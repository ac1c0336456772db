package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /clients/}: a loyalty programme member. The seed gives only an example; the meanings are
 * inferred from the names (docs/partners/ibonus.md Q9). Only {@code id} is required; the token stays a string.
 */
@Serdeable
public record LoyaltyClient(
        @Nullable Long id,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String name,
        @Nullable String avatarUrl,
        @Nullable Integer paidPurchases,
        @Nullable Integer totalPurchases,
        @Nullable BigDecimal averageBill,
        @Nullable BigDecimal totalPurchasesAmount,
        @Nullable BigDecimal paidPurchasesAmount,
        @Nullable Integer positiveReviews,
        @Nullable Integer neutralReviews,
        @Nullable Integer negativeReviews,
        @Nullable String token) {

    @Override
    public String toString() {
        return "LoyaltyClient[id=" + id + "]"; // e-mail, phone and token are personal data: kept out of logs
    }
}
