package io.partnerlink.shared.secrets;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partner credentials from AWS Secrets Manager, read lazily and cached per container for {@code secrets.max-age}
 * (default 5 minutes). Micronaut's Secrets Manager distributed configuration is not used: it lists every secret
 * at start-up (docs/design.md §Stack and pinned versions), while a function needs one secret and only on its
 * first partner call.
 */
@Singleton
public class PartnerSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSecrets.class);

    private final BeanProvider<SecretsManagerClient> client;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public PartnerSecrets(BeanProvider<SecretsManagerClient> client, ObjectMapper json, Validator validator,
                          Clock clock, @Value("${secrets.max-age:5m}") Duration maxAge) {
        this.client = client;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The secret as its partner's record, from the cache while it is younger than the max age.
     *
     * @throws SecretNotFoundException  when the secret does not exist
     * @throws SecretMalformedException when it is not JSON or lacks a required field
     * @throws SecretUnavailableException when Secrets Manager cannot be reached
     */
    public <T> T read(String secretId, Class<T> shape) {
        Cached cached = cache.get(secretId);
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.readAt.plus(maxAge))) {
            cached = fetch(secretId, now);
        }
        // Parsed and validated once per fetched value: partner clients read the secret on every call (a sync makes
        // thousands), and a malformed value is not kept, so it is reported again on every read.
        String text = cached.text;
        return shape.cast(cached.parsed.computeIfAbsent(shape, s -> parse(secretId, text, s)));
    }

    /** Drops the cached value, so the next read fetches it again: call it after a partner answers 401. */
    public void refresh(String secretId) {
        cache.remove(secretId);
        LOG.info("Secret '{}' will be read again on next use", secretId);
    }

    private synchronized Cached fetch(String secretId, Instant now) {
        Cached current = cache.get(secretId);
        if (current != null && now.isBefore(current.readAt.plus(maxAge))) {
            return current; // another thread fetched it while this one waited
        }
        String text;
        try {
            text = client.get().getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (ResourceNotFoundException e) {
            throw new SecretNotFoundException(secretId);
        } catch (SdkException e) {
            LOG.warn("Secrets Manager unreachable reading '{}': {}", secretId, e.getClass().getSimpleName());
            throw new SecretUnavailableException(secretId, "Secrets Manager could not be reached for secret '" + secretId + "'");
        }
        if (text == null) {
            throw new SecretNotFoundException(secretId);
        }
        Cached fresh = new Cached(text, now, new ConcurrentHashMap<>());
        cache.put(secretId, fresh);
        return fresh;
    }

    private <T> T parse(String secretId, String text, Class<T> shape) {
        T value;
        try {
            value = json.readValue(text, Argument.of(shape));
        } catch (IOException | RuntimeException e) {
            throw new SecretMalformedException(secretId, null, "is not a JSON object of the expected shape");
        }
        if (value == null) {
            throw new SecretMalformedException(secretId, null, "is empty");
        }
        validator.validate(value).stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new SecretMalformedException(secretId, v.getPropertyPath().toString(), "is missing or empty");
                });
        return value;
    }

    private record Cached(String text, Instant readAt, Map<Class<?>, Object> parsed) {
    }
}
