package io.partnerlink.shared.vektor;

import java.util.UUID;

/**
 * A successful {@code POST /api/orders}: the order now exists at the partner. {@code alreadyExisted} is set when
 * the partner said an order with this id exists (a retry of a call whose answer was lost), which we count as
 * success because the id is ours and derived from the same key and the same request body. {@code answer} is what
 * the partner said, verbatim and bounded ({@link VektorAnswer}).
 */
public record VektorOrderPlacement(UUID orderId, boolean alreadyExisted, VektorAnswer answer) {
}
