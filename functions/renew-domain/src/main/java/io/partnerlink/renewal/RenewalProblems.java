package io.partnerlink.renewal;

import io.partnerlink.shared.problem.ProblemType;

/** The renewal route's own problem types (docs/design.md §Errors lists the shared ones). */
public final class RenewalProblems {

    /** The domain's {@code _acl} lacks {@code renew}, or it allows no renewal period. */
    public static final ProblemType NOT_RENEWABLE = new ProblemType("not-renewable", 409, "The domain may not be renewed");
    /** The requested period is longer than the domain's {@code max_renew}. */
    public static final ProblemType PERIOD_ABOVE_MAX_RENEW =
            new ProblemType("period-above-max-renew", 409, "The period is longer than the domain may be renewed for");

    private RenewalProblems() {
    }
}
