package io.partnerlink.shared.art;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * .ART client settings (prefix {@code art}). The base URL is {@code art.base-url}, mapped onto
 * {@code micronaut.http.services.art.url} by the function's configuration.
 *
 * @param secretId   the Secrets Manager secret ({@code ART_SECRET_ID}) holding {@code ArtCredentials}
 * @param grant      the grant that signs in: {@code client_credentials} (default) or {@code password} (store user
 *                   from the secret); which one sees the reseller's domains is not documented
 * @param tokenSkew  how long before its expiry a token is renewed with the refresh grant (default 60 s)
 * @param tokenBudget how long one token request may take, retries included (default 25 s): a retry starts only if
 *                   it can run into the {@code art} read timeout and still end within it, so with the 15 s timeout of
 *                   renew-domain, failures are retried for the first 10 s
 */
@ConfigurationProperties("art")
public record ArtSettings(@Nullable String secretId,
                          @Bindable(defaultValue = "client_credentials") String grant,
                          @Bindable(defaultValue = "60s") Duration tokenSkew,
                          @Bindable(defaultValue = "25s") Duration tokenBudget) {
}
