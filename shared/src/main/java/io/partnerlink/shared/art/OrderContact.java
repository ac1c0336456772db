package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.stream.Stream;

/**
 * The full nine-field contact every order item requires (and the body of a store contact). A domain's own
 * {@code contact} lacks {@code language}, {@code vat} and {@code ethereum}, so it cannot serve here.
 * Every field is always sent, empty strings included, because the partner's schema requires all of them.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderContact(String language, String firstname, String lastname, String organization, String vat,
                           String phone, String email, String ethereum, Address address) {

    /**
     * Whether the fields a registrant cannot do without are present: names, e-mail, phone, language and a
     * postal address. Organisation, VAT, wallet, state and line 2 may be empty (a private person).
     */
    public boolean isComplete() {
        return address != null && Stream.of(language, firstname, lastname, phone, email,
                address.zip(), address.country(), address.city(), address.line1()).allMatch(OrderContact::present)
                && Stream.of(organization, vat, ethereum, address.state(), address.line2()).allMatch(v -> v != null);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "OrderContact[" + firstname + " " + lastname + ", ***]";
    }
}
