package io.partnerlink.shared.secrets;

/** Secrets Manager has no secret (or no current value) under this id. */
public class SecretNotFoundException extends SecretUnavailableException {

    public SecretNotFoundException(String secretId) {
        super(secretId, "Secret '" + secretId + "' does not exist or has no current value");
    }
}
