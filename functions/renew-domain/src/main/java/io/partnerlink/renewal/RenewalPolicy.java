package io.partnerlink.renewal;

import io.partnerlink.shared.art.StoreDomain;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** Which domains are due and for how long they are renewed. */
@Singleton
public class RenewalPolicy {

    private final RenewalSettings settings;

    public RenewalPolicy(RenewalSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the domain's {@code expired_at} is at most {@code now + window}. Past dates count too: an active
     * domain past its date is in its grace period and is still renewed. No date, no renewal.
     */
    public boolean expiresWithinWindow(StoreDomain domain, Instant now) {
        return domain.expiredAt() != null
                && !domain.expiredAt().toInstant().isAfter(now.plus(Duration.ofDays(settings.windowDays())));
    }

    /** Due: within the window and renewable by us ({@code _acl} has {@code renew}). */
    public boolean isDue(StoreDomain domain, Instant now) {
        return expiresWithinWindow(domain, now) && domain.mayRenew();
    }

    /** The configured period, never above {@code max_renew}; empty when the domain allows no period at all. */
    public OptionalInt periodFor(StoreDomain domain) {
        Integer max = domain.maxRenew();
        if (max == null || max < 1) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.min(settings.periodMonths(), max));
    }
}
