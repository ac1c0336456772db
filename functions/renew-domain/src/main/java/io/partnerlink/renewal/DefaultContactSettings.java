package io.partnerlink.renewal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.partnerlink.shared.art.Address;
import io.partnerlink.shared.art.OrderContact;

import java.util.Optional;

/**
 * The registrant sent with a renewal when the domain's client has no complete contact in the store (prefix
 * {@code renewal.default-contact}, e.g. {@code RENEWAL_DEFAULT_CONTACT_EMAIL}). The address fields sit flat
 * ({@code zip}, {@code country}, ...). Unset fields are sent as empty strings; the contact is used only when
 * names, e-mail, phone, language, zip, country, city and line 1 are all set.
 */
@ConfigurationProperties("renewal.default-contact")
public record DefaultContactSettings(@Nullable String language, @Nullable String firstname, @Nullable String lastname,
                                     @Nullable String organization, @Nullable String vat, @Nullable String phone,
                                     @Nullable String email, @Nullable String ethereum,
                                     @Nullable String zip, @Nullable String country, @Nullable String state,
                                     @Nullable String city, @Nullable String line1, @Nullable String line2) {

    public Optional<OrderContact> contact() {
        OrderContact contact = new OrderContact(v(language), v(firstname), v(lastname), v(organization), v(vat), v(phone),
                v(email), v(ethereum), new Address(v(zip), v(country), v(state), v(city), v(line1), v(line2)));
        return contact.isComplete() ? Optional.of(contact) : Optional.empty();
    }

    private static String v(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        return "DefaultContactSettings[" + (contact().isPresent() ? "complete" : "incomplete") + ", ***]";
    }
}
