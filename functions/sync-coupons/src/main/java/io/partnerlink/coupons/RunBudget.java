package io.partnerlink.coupons;

import com.amazonaws.services.lambda.runtime.Context;
import io.partnerlink.shared.partner.Deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time an invocation may still work: the Lambda's remaining time (asked each time, as the runtime counts it
 * down) or a fixed local budget. New clients stop at the safety margin; partner retries stop at half of it, so
 * in-flight clients and the checkpoint fit in what is left.
 */
final class RunBudget {

    private final Context lambda;
    private final Duration margin;
    private final Clock clock;
    private final Instant localEnd;

    RunBudget(Context lambda, Duration margin, Duration localBudget, Clock clock) {
        this.lambda = lambda;
        this.margin = margin;
        this.clock = clock;
        this.localEnd = clock.instant().plus(localBudget);
    }

    Duration remaining() {
        if (lambda != null) {
            return Duration.ofMillis(lambda.getRemainingTimeInMillis());
        }
        Duration left = Duration.between(clock.instant(), localEnd);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the remaining time has dropped below the safety margin: time to checkpoint. */
    boolean low() {
        return remaining().compareTo(margin) < 0;
    }

    /** The deadline partner retries must respect, from now. */
    Deadline retryDeadline() {
        Duration usable = remaining().minus(margin.dividedBy(2));
        return Deadline.in(usable.isNegative() ? Duration.ZERO : usable, clock);
    }

    /** Until when this invocation may hold the run: it cannot outlive its Lambda. */
    Instant endsAt() {
        return clock.instant().plus(remaining());
    }
}
