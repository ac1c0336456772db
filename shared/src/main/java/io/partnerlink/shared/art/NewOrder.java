package io.partnerlink.shared.art;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of {@code POST /store/orders}: {@code {"items": [...]}}. */
@Serdeable
public record NewOrder(List<OrderItem> items) {

    public NewOrder {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one item");
        }
        items = List.copyOf(items);
    }

    public static NewOrder of(OrderItem... items) {
        return new NewOrder(List.of(items));
    }
}
