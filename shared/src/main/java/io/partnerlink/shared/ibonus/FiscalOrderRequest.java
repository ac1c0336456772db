package io.partnerlink.shared.ibonus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /fiscal/orders/}: a receipt, optionally debiting {@code amount} from the client's bonus
 * account in {@code currency} and redeeming the coupons whose ids are listed. Absent values are not sent.
 */
@Serdeable
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiscalOrderRequest(
        @NotNull @Valid FiscalOrder order,
        @Nullable @DecimalMin("0") BigDecimal amount,
        @Nullable @Pattern(regexp = "points|rubles") String currency,
        @Nullable @Size(max = 100) List<@NotNull Long> coupons) {
}
