package io.partnerlink.local.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IAM callers the local API knows: a demo access key pair, printed in the banner, and any pairs from
 * {@code LOCAL_CALLERS="KEY:SECRET[,KEY:SECRET...]"}. Each is an IAM user of the local account, so two pairs are two
 * callers (each owning its own idempotency keys), as two backends' roles would be in AWS.
 */
public final class LocalCallers {

    /** Not an AWS credential: valid only against this local runner. */
    public static final String DEMO_ACCESS_KEY = "AKIALOCALDEMOCALLER1";
    public static final String DEMO_SECRET_KEY = "local-demo-secret-key-not-valid-in-aws";
    static final String ACCOUNT_ID = "123456789012";

    /** One access key pair and the principal it signs as. */
    public record Credential(String accessKey, String secretKey) {

        public String userArn() {
            return "arn:aws:iam::" + ACCOUNT_ID + ":user/local-" + accessKey;
        }

        @Override
        public String toString() {
            return "Credential[" + accessKey + ", ***]";
        }
    }

    private final Map<String, Credential> byAccessKey = new LinkedHashMap<>();

    private LocalCallers() {
    }

    /** The demo pair plus those of {@code LOCAL_CALLERS} (null or blank for none). */
    public static LocalCallers of(String localCallers) {
        LocalCallers callers = new LocalCallers();
        callers.add(new Credential(DEMO_ACCESS_KEY, DEMO_SECRET_KEY));
        if (localCallers != null && !localCallers.isBlank()) {
            for (String pair : localCallers.split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0 || colon == pair.trim().length() - 1) {
                    throw new IllegalArgumentException("LOCAL_CALLERS must be KEY:SECRET[,KEY:SECRET...]");
                }
                callers.add(new Credential(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim()));
            }
        }
        return callers;
    }

    private void add(Credential credential) {
        if (!credential.accessKey().matches("[A-Za-z0-9]{1,128}")) {
            throw new IllegalArgumentException("LOCAL_CALLERS: an access key is 1 to 128 letters and digits");
        }
        byAccessKey.put(credential.accessKey(), credential);
    }

    public Credential find(String accessKey) {
        return byAccessKey.get(accessKey);
    }

    public Collection<Credential> all() {
        return byAccessKey.values();
    }
}
