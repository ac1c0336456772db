package io.partnerlink.shared.partner;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moment by which work must be finished: the Lambda's remaining time less a margin for answering and
 * recording the result. Retries and long runs stop before it.
 */
public record Deadline(Instant at, Clock clock) {

    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(2);

    /** From the Lambda context, or {@code fallback} from now when there is none (a local call). */
    public static Deadline of(Context lambda, Duration margin, Duration fallback, Clock clock) {
        Duration budget = lambda == null ? fallback : Duration.ofMillis(lambda.getRemainingTimeInMillis());
        Duration usable = budget.minus(margin);
        return new Deadline(clock.instant().plus(usable.isNegative() ? Duration.ZERO : usable), clock);
    }

    public static Deadline in(Duration duration, Clock clock) {
        return new Deadline(clock.instant().plus(duration), clock);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean hasLessThan(Duration duration) {
        return remaining().compareTo(duration) < 0;
    }
}
