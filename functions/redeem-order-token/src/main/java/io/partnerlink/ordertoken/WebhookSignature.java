package io.partnerlink.ordertoken;

import io.micronaut.context.annotation.Value;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.Caller;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import io.partnerlink.shared.secrets.PartnerSecrets;
import io.partnerlink.shared.secrets.SecretUnavailableException;
import io.partnerlink.shared.secrets.WebhookSigningSecret;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The webhook signature: {@code X-Signature: sha256=<hex HMAC-SHA256(signingSecret, "<X-Timestamp>.<raw body>")>}
 * with {@code X-Timestamp} in epoch seconds, at most {@code webhook.max-age} (5 min) old and at most
 * {@code webhook.max-future-skew} (1 min) ahead of our clock. The comparison is constant-time; header values are
 * never logged. Fails closed: without {@code webhook.secret-id}, or when the secret cannot be read, every request is
 * refused (503 {@code secrets-unavailable}) and nothing is redeemed. During a rotation the previous key is accepted
 * too (README: "Rotating the webhook signing key"); a mismatch does not re-read the secret, so bad signatures cannot
 * drive Secrets Manager calls.
 */
@Singleton
public class WebhookSignature {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSignature.class);
    public static final String SIGNATURE_HEADER = "X-Signature";
    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final PartnerSecrets secrets;
    private final Clock clock;
    private final String secretId;
    private final Duration maxAge;
    private final Duration maxFutureSkew;

    public WebhookSignature(PartnerSecrets secrets, Clock clock,
                            @Value("${webhook.secret-id:}") String secretId,
                            @Value("${webhook.max-age:5m}") Duration maxAge,
                            @Value("${webhook.max-future-skew:1m}") Duration maxFutureSkew) {
        this.secrets = secrets;
        this.clock = clock;
        this.secretId = secretId == null || secretId.isBlank() ? null : secretId.trim();
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
        if (this.secretId == null) {
            LOG.error("webhook.secret-id (WEBHOOK_SECRET_ID) is not set: every webhook request is refused");
        }
    }

    /**
     * Returns the sender (the signing key's name) when the request is signed as required; otherwise throws a 401
     * {@code signature-invalid}, or a 503 {@code secrets-unavailable} when no key is configured or readable.
     */
    public Caller verify(ApiRequest request) {
        if (secretId == null) {
            throw new ProblemException(ProblemType.SECRETS_UNAVAILABLE,
                    "The webhook has no signing key configured. Nothing was redeemed; deliver again later.");
        }
        String timestamp = request.header(TIMESTAMP_HEADER);
        String signature = request.header(SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            throw refused("Send X-Timestamp and X-Signature headers.");
        }
        if (!EPOCH_SECONDS.matcher(timestamp).matches()) {
            throw refused("X-Timestamp must be Unix time in whole seconds.");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxAge)) || signedAt.isAfter(now.plus(maxFutureSkew))) {
            throw refused("X-Timestamp is outside the accepted window; sign each delivery with the current time.");
        }
        if (!signature.startsWith(SCHEME) || !HEX_SHA256.matcher(signature.substring(SCHEME.length())).matches()) {
            throw refused("X-Signature must be sha256=<64 hex digits>.");
        }
        byte[] claimed = HexFormat.of().parseHex(signature.substring(SCHEME.length()));
        boolean matches = false;
        for (String key : signingKeys().acceptedKeys()) {
            // Every accepted key is tried, so the time taken does not tell which one matched.
            matches |= MessageDigest.isEqual(sign(key, timestamp, request.body()), claimed);
        }
        if (!matches) {
            throw refused("X-Signature does not match the request.");
        }
        return Caller.signingKey(secretId);
    }

    private WebhookSigningSecret signingKeys() {
        try {
            return secrets.read(secretId, WebhookSigningSecret.class);
        } catch (SecretUnavailableException unreadable) {
            // Missing, malformed or unreachable: the same 503 as a missing configuration, and nothing redeemed.
            LOG.error("Webhook signing secret unreadable: {}", unreadable.getMessage());
            throw new ProblemException(ProblemType.SECRETS_UNAVAILABLE,
                    "The webhook signing key cannot be read. Nothing was redeemed; deliver again later.");
        }
    }

    /** HMAC-SHA256 over {@code "<timestamp>.<body>"}, the body as the raw bytes received. */
    static byte[] sign(String signingSecret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException refused(String detail) {
        LOG.warn("Webhook signature refused: {}", detail);
        return new ProblemException(ProblemType.SIGNATURE_INVALID, detail);
    }
}
