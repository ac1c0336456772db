package io.partnerlink.giftorder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** The answer to {@code GET /gift-certificates}: what a shop can offer, in our names. */
@Serdeable
public record GiftCertificates(List<Certificate> certificates) {

    /** A purchasable certificate: worth {@code nominalValue} {@code unit}s, sold for {@code price}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Certificate(String id, @Nullable String vendor, @Nullable String unit,
                              @Nullable BigDecimal nominalValue, BigDecimal price) {
    }
}
