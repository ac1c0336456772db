package io.partnerlink.shared.partner;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the outcomes of one exchange with Micronaut's HTTP client into the partner exceptions the retry policy
 * and the handlers understand: 401 unauthorized, 429 and 5xx unavailable, other 4xx rejected (through the
 * partner's own mapper of its error body), timeouts, resets and unreadable answers unavailable.
 */
public final class PartnerCalls {

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private PartnerCalls() {
    }

    public static <T> T send(String partner, String operation, Supplier<T> exchange,
                             Function<HttpClientResponseException, PartnerRejectedException> rejection) {
        try {
            return exchange.get();
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            if (status < 300) {
                throw new PartnerUnavailableException(partner, status, partner + " " + operation + " answered an unreadable body", null, null);
            }
            if (status == 401) {
                throw new PartnerUnauthorizedException(partner);
            }
            if (status == 429 || status >= 500) {
                throw new PartnerUnavailableException(partner, status, partner + " " + operation + " answered HTTP " + status,
                        retryAfter(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)), null);
            }
            throw rejection.apply(e);
        } catch (ReadTimeoutException e) {
            throw new PartnerUnavailableException(partner, 0, partner + " " + operation + " timed out", null, null);
        } catch (HttpClientException e) {
            // Said in words, not as a class name: the message reaches run summaries (sync-coupons' errors[]).
            throw new PartnerUnavailableException(partner, 0, partner + " " + operation + " got no answer (" + noAnswer(e) + ")", null, null);
        }
    }

    private static String noAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReadTimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
        }
        return "connection failed";
    }

    /**
     * Runs {@code call}; after a 401, runs {@code refresh} (a new token, or a re-read secret) and tries once more.
     * A second 401 is final.
     */
    public static <T> T refreshingOnce(Supplier<T> call, Runnable refresh) {
        try {
            return call.get();
        } catch (PartnerUnauthorizedException e) {
            refresh.run();
            return call.get();
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable; capped at two minutes. */
    public static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
