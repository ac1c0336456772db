package io.partnerlink.shared.ibonus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The receipt of a fiscal order. {@code externalId} is our order number and the only key i-bonus can deduplicate a
 * retried order by, so it is required here although the seed leaves it unmarked.
 */
@Serdeable
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiscalOrder(
        @NotBlank @Size(max = 64) String externalId,
        @NotNull @Pattern(regexp = "sale|refund") String receiptType,
        @Nullable @DecimalMin("0") BigDecimal amountCard,
        @Nullable @DecimalMin("0") BigDecimal amountCash,
        @Nullable @Size(max = 254) String customerEmail,
        @Nullable @Pattern(regexp = "[0-9]{5,20}") String customerPhone,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid FiscalItem> items) {

    @Override
    public String toString() {
        return "FiscalOrder[externalId=" + externalId + ", receiptType=" + receiptType + ", items=" + items.size() + "]";
    }
}
