package io.partnerlink.giftorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /gift-orders}. Unknown fields are refused (Serde ignores them by default), so a typo
 * such as {@code "quantitiy"} is a 400, not a silently different order.
 */
@Serdeable
@Introspected
@JsonIgnoreProperties(ignoreUnknown = false)
public record GiftOrderRequest(
        @NotNull @Valid Customer customer,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> certificates,
        @Nullable @Size(max = 100) String reference,
        @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal expectedTotal) {

    /** The buyer. The phone is digits with an optional leading {@code +}, as the partner's example has none. */
    @Serdeable
    @Introspected
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Customer(
            @NotBlank @Email @Size(max = 254) String email,
            @Nullable @Size(max = 200) String name,
            @Nullable @Pattern(regexp = "\\+?[0-9]{5,20}", message = "must be 5 to 20 digits, optionally after a +") String phone) {
    }

    /** A certificate from {@code GET /gift-certificates} and how many of it. */
    @Serdeable
    @Introspected
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Line(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    message = "must be a UUID") String id,
            @NotNull @Min(1) @Max(100) Integer quantity) {
    }
}
