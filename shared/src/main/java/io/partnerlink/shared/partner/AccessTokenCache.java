package io.partnerlink.shared.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One partner's bearer token, shared by the container's requests: fetched on first use, kept until its expiry
 * less a skew, fetched again by exactly one caller at a time (the others wait and reuse it), and dropped when the
 * partner answers 401 to it. The fetcher gets the previous token, so a partner with refresh tokens can use one.
 */
public final class AccessTokenCache {

    private final UnaryOperator<AccessToken> fetcher;
    private final Duration skew;
    private final Clock clock;
    private volatile AccessToken current;

    /** @param fetcher gets the previous token (or null) and returns a new one */
    public AccessTokenCache(UnaryOperator<AccessToken> fetcher, Duration skew, Clock clock) {
        this.fetcher = fetcher;
        this.skew = skew;
        this.clock = clock;
    }

    public String token() {
        AccessToken token = current;
        if (isFresh(token)) {
            return token.value();
        }
        synchronized (this) {
            token = current;
            if (!isFresh(token)) {
                token = fetcher.apply(token);
                current = token;
            }
            return token.value();
        }
    }

    /** Forgets {@code rejected} after a 401, unless another caller already replaced it. */
    public synchronized void invalidate(String rejected) {
        AccessToken token = current;
        if (token != null && token.value().equals(rejected)) {
            current = new AccessToken(token.value(), clock.instant(), token.refreshToken());
        }
    }

    private boolean isFresh(AccessToken token) {
        return token != null && clock.instant().isBefore(token.expiresAt().minus(skew));
    }
}
