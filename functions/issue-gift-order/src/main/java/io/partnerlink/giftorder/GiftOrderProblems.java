package io.partnerlink.giftorder;

import io.partnerlink.shared.problem.ProblemType;

/** Problem types of this function, beside the shared ones. */
final class GiftOrderProblems {

    /** The request names a certificate the partner's catalogue does not have: valid JSON, invalid order. */
    static final ProblemType NOT_IN_CATALOGUE = new ProblemType("validation-failed", 422, "The request is not valid");
    /** {@code expectedTotal} differs from the catalogue's total: nothing was ordered. */
    static final ProblemType PRICE_CHANGED = new ProblemType("price-changed", 409, "The price has changed");

    private GiftOrderProblems() {
    }
}
