package io.partnerlink.shared.secrets;

/** The secret exists but is not the JSON object its partner needs, or lacks a required field. */
public class SecretMalformedException extends SecretUnavailableException {

    private final String field;

    public SecretMalformedException(String secretId, String field, String problem) {
        super(secretId, field == null
                ? "Secret '" + secretId + "' " + problem
                : "Secret '" + secretId + "' field '" + field + "' " + problem);
        this.field = field;
    }

    /** The missing or invalid field, or null when the whole value is unreadable. */
    public String field() {
        return field;
    }
}
