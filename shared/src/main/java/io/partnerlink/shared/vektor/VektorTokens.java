package io.partnerlink.shared.vektor;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.partnerlink.shared.partner.AccessToken;
import io.partnerlink.shared.partner.AccessTokenCache;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.secrets.ClientCredentials;
import io.partnerlink.shared.secrets.PartnerSecrets;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The container's vektor-adv bearer token: client credentials from the secret, {@code POST /connect/token} as a
 * URL-encoded form, kept until {@code expires_in} less {@code vektor.token-skew} (default 60 s). There is no refresh
 * token, so a new one is simply requested. When the token endpoint refuses the credentials, the secret is re-read
 * once (it may have been rotated) before giving up.
 */
@Singleton
public class VektorTokens {

    private static final Logger LOG = LoggerFactory.getLogger(VektorTokens.class);
    /** Used when the partner leaves out {@code expires_in}: short enough to be harmless. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final VektorApi api;
    private final PartnerSecrets secrets;
    private final String secretId;
    private final Clock clock;
    private final AccessTokenCache cache;

    public VektorTokens(VektorApi api, PartnerSecrets secrets, Clock clock,
                        @Value("${vektor.secret-id}") String secretId,
                        @Value("${vektor.token-skew:60s}") Duration skew) {
        this.api = api;
        this.secrets = secrets;
        this.secretId = secretId;
        this.clock = clock;
        this.cache = new AccessTokenCache(previous -> fetch(), skew, clock);
    }

    /** A valid token, fetched only when the cached one is missing or about to expire. */
    public String token() {
        return cache.token();
    }

    /** Forgets {@code rejected} after the API answered 401 to it. */
    public void invalidate(String rejected) {
        cache.invalidate(rejected);
    }

    private AccessToken fetch() {
        try {
            return PartnerCalls.refreshingOnce(this::request, () -> secrets.refresh(secretId));
        } catch (PartnerUnauthorizedException refusedTwice) {
            LOG.error("vektor refused the client credentials of secret '{}', also after reading it again", secretId);
            throw new VektorCredentialsRejectedException(refusedTwice.status());
        }
    }

    private AccessToken request() {
        ClientCredentials credentials = secrets.read(secretId, ClientCredentials.class);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        form.put("grant_type", "client_credentials");
        // A 400 from an OAuth2 token endpoint (invalid_client, invalid_request...) means our credentials or our
        // form are wrong: handled like a 401, so the secret is re-read once.
        HttpResponse<VektorToken> response = PartnerCalls.send(VektorClient.PARTNER, "token",
                () -> VektorClient.successful(api.token(form)), refused -> new PartnerUnauthorizedException(VektorClient.PARTNER));
        VektorToken token = response.getBody().orElse(null);
        if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
            throw new PartnerUnavailableException(VektorClient.PARTNER, response.code(), "vektor token answered without an access_token", null, null);
        }
        Duration lifetime = token.expiresIn() == null || token.expiresIn() <= 0
                ? DEFAULT_LIFETIME : Duration.ofSeconds(token.expiresIn());
        LOG.info("Fetched a vektor access token valid for {} s", lifetime.toSeconds());
        return new AccessToken(token.accessToken(), clock.instant().plus(lifetime), null);
    }
}
