package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A domain in the .ART store ({@code GET /store/domains}). {@code id} is what the domain paths take;
 * {@code name} is the ASCII (punycode) name, {@code idn} the Unicode one. {@code expiredAt} may be absent.
 * {@code maxRenew} is the longest renewal period allowed, in months. Timestamps are kept as the partner wrote
 * them and read when asked ({@link ArtTimestamps}): one unreadable value fails what needs it, never the whole page.
 * {@code id} is nullable only so that a list holding an item without one is reported ({@link ArtPage#collect}).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StoreDomain(@JsonProperty("_acl") @Nullable List<String> acl,
                          @Nullable String id,
                          @Nullable String client,
                          @Nullable String idn,
                          String name,
                          @Nullable String status,
                          @JsonProperty("created_at") @Nullable String createdAtText,
                          @JsonProperty("updated_at") @Nullable String updatedAtText,
                          @JsonProperty("expired_at") @Nullable String expiredAtText,
                          @Nullable Integer maxRenew,
                          @Nullable List<String> nameservers,
                          @Nullable DomainContact contact,
                          @Nullable Artwork artwork) {

    public static final String RENEW = "renew";

    public StoreDomain {
        acl = acl == null ? List.of() : List.copyOf(acl);
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
    }

    /** Whether the caller may renew it: {@code _acl} is the authority, not the status. */
    public boolean mayRenew() {
        return acl.contains(RENEW);
    }

    /** {@code created_at} as a time, null when absent; {@link ArtTimestamps.ArtTimestampException} when unreadable. */
    public @Nullable OffsetDateTime createdAt() {
        return ArtTimestamps.parse("created_at", createdAtText);
    }

    /** {@code updated_at} as a time, null when absent; {@link ArtTimestamps.ArtTimestampException} when unreadable. */
    public @Nullable OffsetDateTime updatedAt() {
        return ArtTimestamps.parse("updated_at", updatedAtText);
    }

    /** {@code expired_at} as a time, null when absent; {@link ArtTimestamps.ArtTimestampException} when unreadable. */
    public @Nullable OffsetDateTime expiredAt() {
        return ArtTimestamps.parse("expired_at", expiredAtText);
    }
}
