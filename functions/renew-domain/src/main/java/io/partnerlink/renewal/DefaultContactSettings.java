package io.partnerlink.renewal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.partnerlink.shared.art.Address;
import io.partnerlink.shared.art.OrderContact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A registrant to send for the domains that {@code domains} names explicitly (prefix {@code renewal.default-contact},
 * e.g. {@code RENEWAL_DEFAULT_CONTACT_EMAIL}, {@code RENEWAL_DEFAULT_CONTACT_DOMAINS=a.art,b.art}) when such a domain
 * has no complete store contact of its own. Never used for any other domain: renewing with someone else's contact
 * could hand the domain over. The address fields sit flat ({@code zip}, {@code country}, ...). Unset fields are sent
 * as empty strings; the contact is used only when names, e-mail, phone, language, zip, country, city and line 1 are set.
 */
@ConfigurationProperties("renewal.default-contact")
public record DefaultContactSettings(@Nullable String language, @Nullable String firstname, @Nullable String lastname,
                                     @Nullable String organization, @Nullable String vat, @Nullable String phone,
                                     @Nullable String email, @Nullable String ethereum,
                                     @Nullable String zip, @Nullable String country, @Nullable String state,
                                     @Nullable String city, @Nullable String line1, @Nullable String line2,
                                     @Nullable List<String> domains) {

    public Optional<OrderContact> contact() {
        OrderContact contact = new OrderContact(v(language), v(firstname), v(lastname), v(organization), v(vat), v(phone),
                v(email), v(ethereum), new Address(v(zip), v(country), v(state), v(city), v(line1), v(line2)));
        return contact.isComplete() ? Optional.of(contact) : Optional.empty();
    }

    /** Whether {@code domains} names this domain (ASCII name, case-insensitive). */
    public boolean namesDomain(String name) {
        return domains != null && name != null
                && domains.stream().anyMatch(d -> d != null && d.trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    private static String v(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        return "DefaultContactSettings[" + (contact().isPresent() ? "complete" : "incomplete") + ", domains=" + domains + ", ***]";
    }
}
