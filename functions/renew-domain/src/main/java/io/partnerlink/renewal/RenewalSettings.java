package io.partnerlink.renewal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How renewals are chosen and placed (prefix {@code renewal}).
 *
 * @param windowDays   a domain is due when it expires within this many days (default 30)
 * @param periodMonths the renewal period in months (default 12), lowered to the domain's {@code max_renew}
 * @param strategy     {@code order} (a {@code certificate_renewal} store order) or {@code autorenew}
 * @param promo        the promo code sent with each order; the spec makes {@code promo} required and says nothing
 *                     of "no code", so the default is the empty string
 * @param pageSize     domains and orders asked for per page
 * @param domainBudget no new domain is started with less than this left before the run's deadline
 * @param finishMargin time kept back at the end of a run to record and answer
 */
@ConfigurationProperties("renewal")
public record RenewalSettings(@Bindable(defaultValue = "30") int windowDays,
                              @Bindable(defaultValue = "12") int periodMonths,
                              @Bindable(defaultValue = "order") Strategy strategy,
                              @Nullable String promo,
                              @Bindable(defaultValue = "100") int pageSize,
                              @Bindable(defaultValue = "20s") Duration domainBudget,
                              @Bindable(defaultValue = "10s") Duration finishMargin) {

    public enum Strategy { ORDER, AUTORENEW }

    public RenewalSettings {
        if (windowDays < 1 || windowDays > 365) {
            throw new IllegalArgumentException("renewal.window-days must be 1 to 365, not " + windowDays);
        }
        if (periodMonths < 1) {
            throw new IllegalArgumentException("renewal.period-months must be positive, not " + periodMonths);
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("renewal.page-size must be 1 to 1000, not " + pageSize);
        }
    }

    public String promoCode() {
        return promo == null ? "" : promo;
    }
}
