package io.partnerlink.shared.vektor;

import java.util.UUID;

/**
 * A successful {@code POST /api/orders}: the order now exists at the partner. {@code alreadyExisted} is set when
 * the partner said an order with this id exists (a retry of a call whose answer was lost), which we count as
 * success because the id is ours and derived from the same request.
 */
public record VektorOrderPlacement(UUID orderId, boolean alreadyExisted) {
}
