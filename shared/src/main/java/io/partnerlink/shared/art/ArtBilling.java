package io.partnerlink.shared.art;

import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.RetryPolicy;
import io.partnerlink.shared.secrets.ArtCredentials;
import io.partnerlink.shared.secrets.PartnerSecrets;
import io.partnerlink.shared.secrets.SecretMalformedException;
import io.partnerlink.shared.secrets.SecretNotFoundException;
import jakarta.inject.Singleton;

/**
 * The WHMCS invoice calls, authenticated by the secret's {@code whmcsApiKey} in {@code X-API-Key}; after a 401
 * the secret is re-read once (a rotated key). How a store order's invoice (a UUID) maps to a WHMCS order (a
 * number) is not documented, so nothing calls these for renewals yet.
 */
@Singleton
public class ArtBilling {

    private final WhmcsApi api;
    private final PartnerSecrets secrets;
    private final ArtSettings settings;
    private final RetryPolicy retry;

    public ArtBilling(WhmcsApi api, PartnerSecrets secrets, ArtSettings settings, RetryPolicy retry) {
        this.api = api;
        this.secrets = secrets;
        this.settings = settings;
        this.retry = retry;
    }

    public WhmcsInvoice invoice(long order, Deadline deadline) {
        return retry.call("art whmcs invoice", deadline, () -> PartnerCalls.refreshingOnce(
                () -> PartnerCalls.send(ArtErrors.PARTNER, "whmcs invoice", () -> api.invoice(apiKey(), order), ArtErrors::rejection),
                () -> secrets.refresh(secretId())));
    }

    /** Records a payment captured elsewhere; not retried, since a repeat could record it twice. */
    public long pay(long order, InvoicePayment payment) {
        WhmcsId id = PartnerCalls.refreshingOnce(
                () -> PartnerCalls.send(ArtErrors.PARTNER, "whmcs pay invoice", () -> api.pay(apiKey(), order, payment), ArtErrors::rejection),
                () -> secrets.refresh(secretId()));
        return id.id();
    }

    private String apiKey() {
        ArtCredentials credentials = secrets.read(secretId(), ArtCredentials.class);
        if (credentials.whmcsApiKey() == null || credentials.whmcsApiKey().isBlank()) {
            throw new SecretMalformedException(secretId(), "whmcsApiKey", "is missing or empty");
        }
        return credentials.whmcsApiKey();
    }

    private String secretId() {
        String id = settings.secretId();
        if (id == null || id.isBlank()) {
            throw new SecretNotFoundException("(art.secret-id / ART_SECRET_ID is not set)");
        }
        return id;
    }
}
