package io.partnerlink.shared.art;

import io.partnerlink.shared.partner.AccessToken;
import io.partnerlink.shared.partner.AccessTokenCache;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.partner.RetryPolicy;
import io.partnerlink.shared.secrets.ArtCredentials;
import io.partnerlink.shared.secrets.PartnerSecrets;
import io.partnerlink.shared.secrets.SecretNotFoundException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The container's .ART bearer token ({@code POST /auth/token}, JSON body). A token is renewed with the
 * {@code refresh_token} grant shortly before it expires (or after a 401); when the refresh is refused the client
 * signs in again with its configured grant, and when that is refused it re-reads the secret once (a rotation)
 * before giving up with {@link ArtTokenException}. A token endpoint that is down is an outage, not a refusal:
 * {@link ArtTokenUnavailableException}.
 */
@Singleton
public class ArtAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(ArtAuthentication.class);
    /** {@code expires_in} is optional; without it the token is assumed short-lived rather than trusted for an hour. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final ArtApi api;
    private final PartnerSecrets secrets;
    private final ArtSettings settings;
    private final RetryPolicy retry;
    private final Clock clock;
    private final AccessTokenCache tokens;

    public ArtAuthentication(ArtApi api, PartnerSecrets secrets, ArtSettings settings, RetryPolicy retry, Clock clock) {
        this.api = api;
        this.secrets = secrets;
        this.settings = settings;
        this.retry = retry;
        this.clock = clock;
        this.tokens = new AccessTokenCache(this::fetch, settings.tokenSkew(), clock);
    }

    /** A valid access token (cached, refreshed or fetched). */
    public String accessToken() {
        return tokens.token();
    }

    /** Forgets a token the partner answered 401 to; the next {@link #accessToken()} refreshes it. */
    public void invalidate(String token) {
        tokens.invalidate(token);
    }

    private AccessToken fetch(AccessToken previous) {
        ArtCredentials credentials = credentials();
        try {
            if (previous != null && previous.refreshToken() != null) {
                try {
                    return exchange(TokenRequest.refresh(credentials, previous.refreshToken()), previous.refreshToken());
                } catch (PartnerRejectedException refused) {
                    LOG.info(".ART refused the refresh token (HTTP {} {}); signing in again with grant {}",
                            refused.status(), refused.partnerMessage(), settings.grant());
                }
            }
            try {
                return exchange(signIn(credentials), null);
            } catch (PartnerRejectedException refused) {
                LOG.warn(".ART refused grant {} (HTTP {} {}); re-reading the secret once in case it was rotated",
                        settings.grant(), refused.status(), refused.partnerMessage());
                secrets.refresh(secretId());
                try {
                    return exchange(signIn(credentials()), null);
                } catch (PartnerRejectedException again) {
                    throw new ArtTokenException("grant " + settings.grant() + " refused with HTTP " + again.status()
                            + (again.partnerMessage() == null ? "" : " " + again.partnerMessage()));
                }
            }
        } catch (PartnerUnavailableException unavailable) {
            throw new ArtTokenUnavailableException(unavailable);
        }
    }

    private TokenRequest signIn(ArtCredentials credentials) {
        return switch (settings.grant()) {
            case TokenRequest.CLIENT_CREDENTIALS -> TokenRequest.clientCredentials(credentials);
            case TokenRequest.PASSWORD -> {
                if (!credentials.hasUser()) {
                    throw new ArtTokenException("grant password is configured but the secret has no username and password");
                }
                yield TokenRequest.password(credentials);
            }
            default -> throw new ArtTokenException("art.grant must be client_credentials or password, not " + settings.grant());
        };
    }

    private AccessToken exchange(TokenRequest request, String previousRefreshToken) {
        Deadline deadline = Deadline.in(settings.tokenBudget(), clock);
        TokenResponse answer = retry.call("art token", deadline, () -> PartnerCalls.send(ArtErrors.PARTNER, "token",
                () -> api.token(request), ArtErrors::rejection));
        if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new PartnerUnavailableException(ArtErrors.PARTNER, 200, "art token answered without an access token", null, null);
        }
        Duration lifetime = answer.expiresIn() == null || answer.expiresIn() <= 0
                ? DEFAULT_LIFETIME : Duration.ofSeconds(answer.expiresIn());
        // A refresh answer may omit a new refresh token; the one we hold then stays usable.
        String refreshToken = answer.refreshToken() != null ? answer.refreshToken() : previousRefreshToken;
        LOG.info("Obtained a .ART access token with grant {}, valid for {} s", request.grantType(), lifetime.toSeconds());
        return new AccessToken(answer.accessToken(), clock.instant().plus(lifetime), refreshToken);
    }

    private ArtCredentials credentials() {
        return secrets.read(secretId(), ArtCredentials.class);
    }

    private String secretId() {
        String id = settings.secretId();
        if (id == null || id.isBlank()) {
            throw new SecretNotFoundException("(art.secret-id / ART_SECRET_ID is not set)");
        }
        return id;
    }
}
