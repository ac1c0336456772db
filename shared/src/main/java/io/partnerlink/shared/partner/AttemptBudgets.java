package io.partnerlink.shared.partner;

import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long one attempt at a partner may take: the read timeout of its declarative client
 * ({@code micronaut.http.services.<partner>.read-timeout}), else the default client's
 * ({@code micronaut.http.client.read-timeout}), else Micronaut's 10 s. The partner name is the client's service id.
 */
@Singleton
public class AttemptBudgets {

    static final Duration MICRONAUT_DEFAULT = Duration.ofSeconds(HttpClientConfiguration.DEFAULT_READ_TIMEOUT_SECONDS);

    private final Environment properties;
    private final Map<String, Duration> known = new ConcurrentHashMap<>();

    public AttemptBudgets(Environment properties) {
        this.properties = properties;
    }

    public Duration of(String partner) {
        return known.computeIfAbsent(partner, p -> properties.getProperty("micronaut.http.services." + p + ".read-timeout", Duration.class)
                .or(() -> properties.getProperty("micronaut.http.client.read-timeout", Duration.class))
                .orElse(MICRONAUT_DEFAULT));
    }
}
