package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A WHMCS invoice ({@code GET /whmcs/orders/{order}/invoice}); numeric ids. {@code _acl} holds {@code pay}
 * when the caller may pay it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WhmcsInvoice(@JsonProperty("_acl") @Nullable List<String> acl,
                           long id,
                           long client,
                           @Nullable String status,
                           @Nullable @JsonFormat(pattern = ArtTimestamps.PATTERN) OffsetDateTime createdAt,
                           @Nullable @JsonFormat(pattern = ArtTimestamps.PATTERN) OffsetDateTime paidAt,
                           @Nullable List<Line> items,
                           @Nullable Money subtotal,
                           @Nullable Money credit,
                           @Nullable Tax tax,
                           @Nullable Money total) {

    public static final String PAY = "pay";

    public WhmcsInvoice {
        acl = acl == null ? List.of() : List.copyOf(acl);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean mayPay() {
        return acl.contains(PAY);
    }

    @Serdeable
    public record Line(@Nullable String description, @Nullable Money price) {
    }

    /** VAT: {@code rate} in percent. */
    @Serdeable
    public record Tax(@Nullable BigDecimal rate, @Nullable BigDecimal amount, @Nullable String currency) {
    }
}
