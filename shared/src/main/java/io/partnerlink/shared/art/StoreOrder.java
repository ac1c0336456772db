package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A store order ({@code GET /store/orders/{id}}): its {@code invoice} id and status ({@link OrderStatus}).
 * The invoice id is a UUID that no documented invoice call accepts (the WHMCS ones take numbers).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StoreOrder(@JsonProperty("_acl") @Nullable List<String> acl,
                         @Nullable String id,
                         @Nullable String client,
                         @Nullable String invoice,
                         @Nullable String status,
                         @JsonProperty("created_at") @Nullable String createdAtText,
                         @JsonProperty("updated_at") @Nullable String updatedAtText,
                         @Nullable List<Line> items) {

    public StoreOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether one of its lines is {@code serviceType} for the domain {@code name}. */
    public boolean hasLine(String serviceType, String name) {
        return items.stream().anyMatch(l -> serviceType.equals(l.serviceType()) && name.equalsIgnoreCase(l.domain()));
    }

    /**
     * One order line. {@code artwork} is an object for most service types but an art-object id string for
     * {@code domain_attachment}, so it is kept as a JSON tree.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Line(@Nullable String serviceType, @Nullable String domain, @Nullable String promo,
                       @Nullable Integer quantity, @Nullable Integer period, @Nullable OrderContact contact,
                       @Nullable JsonNode artwork) {
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
