package io.partnerlink.giftorder;

import io.micronaut.context.annotation.Value;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.partner.Deadline;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Until when a request's partner calls must be done: the Lambda's remaining time less
 * {@code gift-order.deadline-margin} (to record and answer); the shared retry policy starts a retry only if a whole
 * attempt (one vektor read timeout) still fits. Without a Lambda context, {@code gift-order.deadline-fallback}
 * stands in for the remaining time.
 */
@Singleton
public class RequestDeadlines {

    private final Clock clock;
    private final Duration margin;
    private final Duration fallback;

    public RequestDeadlines(Clock clock,
                            @Value("${gift-order.deadline-margin:2s}") Duration margin,
                            @Value("${gift-order.deadline-fallback:25s}") Duration fallback) {
        this.clock = clock;
        this.margin = margin;
        this.fallback = fallback;
    }

    public Deadline of(ApiRequest request) {
        return Deadline.of(request.lambda(), margin, fallback, clock);
    }
}
