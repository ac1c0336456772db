package io.partnerlink.renewal;

import io.partnerlink.shared.art.ArtStore;
import io.partnerlink.shared.art.OrderContact;
import io.partnerlink.shared.art.StoreContact;
import io.partnerlink.shared.art.StoreDomain;
import io.partnerlink.shared.partner.Deadline;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.Optional;

/**
 * The full contact a renewal order needs. A domain's own contact lacks three of the nine fields, so it comes from
 * the client's store contacts ({@code GET /store/contacts?client=}), preferring the one with the domain contact's
 * e-mail, then a verified one; failing that, from {@code renewal.default-contact}.
 */
@Singleton
public class RenewalContacts {

    private final ArtStore store;
    private final DefaultContactSettings defaults;
    private final RenewalSettings settings;

    public RenewalContacts(ArtStore store, DefaultContactSettings defaults, RenewalSettings settings) {
        this.store = store;
        this.defaults = defaults;
        this.settings = settings;
    }

    public OrderContact forDomain(StoreDomain domain, Deadline deadline) {
        return fromClient(domain, deadline).or(defaults::contact).orElseThrow(() -> new RenewalFailure(
                "no complete contact: the client has none in the store and renewal.default-contact is not set"));
    }

    private Optional<OrderContact> fromClient(StoreDomain domain, Deadline deadline) {
        if (domain.client() == null || domain.client().isBlank()) {
            return Optional.empty();
        }
        String email = domain.contact() == null ? null : domain.contact().email();
        Comparator<StoreContact> preference = Comparator
                .comparing((StoreContact c) -> email == null || !email.equalsIgnoreCase(c.email()))
                .thenComparing(c -> !StoreContact.VERIFIED.equals(c.status()));
        return store.contacts(domain.client(), null, settings.pageSize(), 0, deadline).items().stream()
                .filter(c -> c.client() == null || c.client().equals(domain.client()))
                .filter(c -> c.toOrderContact().isComplete())
                .min(preference)
                .map(StoreContact::toOrderContact);
    }
}
