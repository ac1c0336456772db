package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A domain in the .ART store ({@code GET /store/domains}). {@code id} is what the domain paths take;
 * {@code name} is the ASCII (punycode) name, {@code idn} the Unicode one. {@code expiredAt} may be absent.
 * {@code maxRenew} is the longest renewal period allowed, in months.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StoreDomain(@JsonProperty("_acl") @Nullable List<String> acl,
                          String id,
                          @Nullable String client,
                          @Nullable String idn,
                          String name,
                          @Nullable String status,
                          @Nullable @JsonFormat(pattern = ArtTimestamps.PATTERN) OffsetDateTime createdAt,
                          @Nullable @JsonFormat(pattern = ArtTimestamps.PATTERN) OffsetDateTime updatedAt,
                          @Nullable @JsonFormat(pattern = ArtTimestamps.PATTERN) OffsetDateTime expiredAt,
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
}
