package io.partnerlink.giftorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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

    /** RFC 5321 dot-atom, ASCII only, local part at most 64; domain labels LDH, at least two, TLD letters or xn--. */
    static final String EMAIL = "(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})";

    /**
     * The buyer. The phone is digits with an optional leading {@code +}, as the partner's example has none.
     * The e-mail is what any mail system can route (look-alike policy, README): an ASCII dot-atom local part of at
     * most 64 characters, {@code @}, and a domain of LDH labels under a top-level domain of letters (or an
     * {@code xn--} A-label). Refused: non-ASCII letters (Cyrillic look-alikes need SMTPUTF8, which not every
     * system on the way speaks), zero-width and other invisible characters, and a domain without a TLD.
     */
    @Serdeable
    @Introspected
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Customer(
            @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = "must be an e-mail address such as name@example.com") String email,
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
