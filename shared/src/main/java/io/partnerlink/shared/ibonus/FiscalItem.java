package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * A receipt line. The seed's {@code items.Id} (odd casing, no type, absent from its example) is left out until
 * i-bonus confirms it (docs/partners/ibonus.md Q11).
 */
@Serdeable
@Introspected
public record FiscalItem(
        @NotNull @DecimalMin("0") BigDecimal price,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
        @NotNull @Pattern(regexp = "piece|kg|g|L|ml") String unit,
        @NotNull @DecimalMin("0") BigDecimal vat,
        @NotBlank String name) {
}
