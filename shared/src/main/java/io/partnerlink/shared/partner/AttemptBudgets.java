package io.partnerlink.shared.partner;

import io.micronaut.context.BeanLocator;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long one attempt at a partner may take: the read timeout of its declarative client, as Micronaut resolves it
 * ({@code micronaut.http.services.<partner>.read-timeout}, else the default client's). The partner name is the
 * client's service id. Read from Micronaut's own client configuration beans, so the fallbacks are the client's.
 */
@Singleton
public class AttemptBudgets {

    private final BeanLocator beans;
    private final DefaultHttpClientConfiguration defaults;
    private final Map<String, Duration> known = new ConcurrentHashMap<>();

    public AttemptBudgets(BeanLocator beans, DefaultHttpClientConfiguration defaults) {
        this.beans = beans;
        this.defaults = defaults;
    }

    public Duration of(String partner) {
        return known.computeIfAbsent(partner, p -> beans.findBean(ServiceHttpClientConfiguration.class, Qualifiers.byName(p))
                .<HttpClientConfiguration>map(service -> service).orElse(defaults)
                .getReadTimeout().orElseThrow());
    }
}
