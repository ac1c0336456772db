package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.OffsetDateTime;
import java.util.List;

/** A contact kept in the .ART store for a client ({@code GET /store/contacts}); status verified or unverified. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StoreContact(@JsonProperty("_acl") @Nullable List<String> acl,
                           @Nullable String id,
                           @Nullable String client,
                           @Nullable String status,
                           @JsonProperty("created_at") @Nullable String createdAtText,
                           @JsonProperty("updated_at") @Nullable String updatedAtText,
                           @Nullable String language, @Nullable String firstname, @Nullable String lastname,
                           @Nullable String organization, @Nullable String vat, @Nullable String phone,
                           @Nullable String email, @Nullable String ethereum, @Nullable Address address) {

    public static final String VERIFIED = "verified";

    /**
     * The nine fields an order item needs. Fields a private person may lack (organisation, VAT, wallet, state,
     * line 2) are sent empty when the store omits them; the rest must be there ({@link OrderContact#isComplete}).
     */
    public OrderContact toOrderContact() {
        Address full = address == null ? null : new Address(address.zip(), address.country(), orEmpty(address.state()),
                address.city(), address.line1(), orEmpty(address.line2()));
        return new OrderContact(language, firstname, lastname, orEmpty(organization), orEmpty(vat), phone, email,
                orEmpty(ethereum), full);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "StoreContact[id=" + id + ", client=" + client + ", status=" + status + ", ***]";
    }

    /** {@code created_at} as a time, null when absent; {@link ArtTimestamps.ArtTimestampException} when unreadable. */
    public @Nullable OffsetDateTime createdAt() {
        return ArtTimestamps.parse("created_at", createdAtText);
    }

    /** {@code updated_at} as a time, null when absent; {@link ArtTimestamps.ArtTimestampException} when unreadable. */
    public @Nullable OffsetDateTime updatedAt() {
        return ArtTimestamps.parse("updated_at", updatedAtText);
    }
}
