package io.partnerlink.renewal;

import io.partnerlink.shared.art.ArtStore;
import io.partnerlink.shared.art.OrderContact;
import io.partnerlink.shared.art.StoreContact;
import io.partnerlink.shared.art.StoreDomain;
import io.partnerlink.shared.partner.Deadline;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registrant a renewal order carries: the domain's own. A domain's contact lacks three of the nine fields an
 * order needs, so the full contact is the client's store contact ({@code GET /store/contacts?client=&email=}, every
 * page) whose e-mail is the domain contact's; a verified one first when several match. Nobody else's contact is
 * ever sent: the configured {@code renewal.default-contact} only for a domain that
 * {@code renewal.default-contact.domains} names, and reported as such. Otherwise the domain fails with the reason.
 */
@Singleton
public class RenewalContacts {

    private final ArtStore store;
    private final DefaultContactSettings fallback;
    private final RenewalSettings settings;

    public RenewalContacts(ArtStore store, DefaultContactSettings fallback, RenewalSettings settings) {
        this.store = store;
        this.fallback = fallback;
        this.settings = settings;
    }

    /** @throws RenewalFailure when the domain has no contact of its own and no fallback is configured for it */
    public Registrant forDomain(StoreDomain domain, Deadline deadline) {
        String email = domain.contact() == null ? null : domain.contact().email();
        String missing;
        if (domain.client() == null || domain.client().isBlank()) {
            missing = "the domain names no client";
        } else if (email == null || email.isBlank()) {
            missing = "the domain's contact has no e-mail";
        } else {
            List<StoreContact> matching = store.allContacts(domain.client(), email, settings.pageSize(), deadline).stream()
                    .filter(c -> domain.client().equals(c.client()) || c.client() == null)
                    .filter(c -> c.email() != null && c.email().trim().toLowerCase(Locale.ROOT).equals(email.trim().toLowerCase(Locale.ROOT)))
                    .toList();
            Optional<OrderContact> own = matching.stream().filter(c -> c.toOrderContact().isComplete())
                    .min(Comparator.comparing((StoreContact c) -> !StoreContact.VERIFIED.equals(c.status())))
                    .map(StoreContact::toOrderContact);
            if (own.isPresent()) {
                return new Registrant(own.get(), Registrant.STORE_CONTACT);
            }
            missing = matching.isEmpty() ? "no store contact of client " + domain.client() + " has the domain contact's e-mail"
                    : "the store contact with the domain contact's e-mail is incomplete (names, e-mail, phone, language or address)";
        }
        if (fallback.namesDomain(domain.name())) {
            return fallback.contact().map(c -> new Registrant(c, Registrant.CONFIGURED_FALLBACK)).orElseThrow(() -> new RenewalFailure(
                    missing + ", and renewal.default-contact, configured for this domain, is incomplete"));
        }
        throw new RenewalFailure(missing + "; no order was placed (renewal.default-contact.domains does not name it)");
    }
}
