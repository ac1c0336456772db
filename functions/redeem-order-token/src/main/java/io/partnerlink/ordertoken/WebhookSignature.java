package io.partnerlink.ordertoken;

import io.micronaut.context.annotation.Value;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import io.partnerlink.shared.secrets.PartnerSecrets;
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
 * {@code webhook.max-future-skew} (1 min) ahead of our clock. Checked only when {@code webhook.secret-id} is set;
 * the comparison is constant-time. Header values are never logged.
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
            LOG.warn("webhook.secret-id is not set: webhook signatures are NOT checked");
        }
    }

    public boolean enabled() {
        return secretId != null;
    }

    /** Returns when the request is signed as required; otherwise throws a 401 {@code signature-invalid}. */
    public void verify(ApiRequest request) {
        if (!enabled()) {
            return;
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
        byte[] expected = sign(secrets.read(secretId, WebhookSigningSecret.class).signingSecret(), timestamp, request.body());
        if (!MessageDigest.isEqual(expected, claimed)) {
            throw refused("X-Signature does not match the request.");
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
