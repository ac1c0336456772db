package io.partnerlink.shared.partner;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries a partner call on {@link PartnerUnavailableException} with full-jitter exponential backoff, honouring
 * {@code Retry-After}. A retry starts only when its pause plus one whole attempt (the partner client's read
 * timeout, see {@link AttemptBudgets}) still fits before the {@link Deadline}, so the last attempt ends in time
 * even if it runs into that timeout. The first attempt always runs; a failure whose own retries are spent
 * ({@link PartnerUnavailableException#retriesSpent()}) is not retried again. Hand-written because Micronaut's
 * {@code @Retryable} has neither a per-call deadline (the Lambda's remaining time) nor {@code Retry-After}.
 */
@Singleton
public class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Function<String, Duration> attemptBudget;

    @Inject
    public RetryPolicy(@Value("${partner.retry.max-attempts:5}") int maxAttempts,
                       @Value("${partner.retry.base-delay:200ms}") Duration baseDelay,
                       @Value("${partner.retry.max-delay:5s}") Duration maxDelay,
                       AttemptBudgets budgets) {
        this(maxAttempts, baseDelay, maxDelay, budgets::of);
    }

    /** {@code attemptBudget}: how long one attempt at a partner (by name) may take. */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Function<String, Duration> attemptBudget) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.attemptBudget = attemptBudget;
    }

    public <T> T call(String operation, Deadline deadline, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (PartnerUnavailableException e) {
                Duration pause = pauseBefore(attempt + 1, e.retryAfter());
                if (e.retriesSpent() || attempt >= maxAttempts || deadline.hasLessThan(pause.plus(attemptBudget.apply(e.partner())))) {
                    LOG.warn("{} failed after {} attempt(s), giving up: {}", operation, attempt, e.getMessage());
                    throw e;
                }
                LOG.info("{} attempt {} failed ({}), retrying in {} ms", operation, attempt, e.getMessage(), pause.toMillis());
                sleep(pause);
            }
        }
    }

    Duration pauseBefore(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 2, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** Waits before the next attempt; a test may stand in a clock that jumps instead. */
    void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
