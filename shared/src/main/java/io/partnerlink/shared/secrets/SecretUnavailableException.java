package io.partnerlink.shared.secrets;

/**
 * A partner credential could not be read. The message names the secret id (and the field, where one is
 * missing) but never a value; no cause is kept, because parser messages can quote the secret's text.
 */
public class SecretUnavailableException extends RuntimeException {

    private final String secretId;

    public SecretUnavailableException(String secretId, String message) {
        super(message, null, false, true);
        this.secretId = secretId;
    }

    public String secretId() {
        return secretId;
    }
}
