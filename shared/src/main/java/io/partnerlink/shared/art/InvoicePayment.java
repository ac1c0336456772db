package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /whmcs/orders/{order}/invoice/pay}: it records a payment already captured by an
 * external provider (transaction, payer, masked card); it charges nothing itself.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InvoicePayment(String transaction, String payer, Card card, Money price) {

    /** {@code number} is the last four digits only. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Card(String type, String system, String number, String cardholder) {

        public Card {
            if (number == null || !number.matches("\\d{4}")) {
                throw new IllegalArgumentException("card.number must be the last four digits");
            }
        }
    }
}
