package io.partnerlink.local.auth;

import java.net.URI;

/** The banner's lines about authorization: how to call the local API as an authorized caller. */
public final class LocalAuthBanner {

    private LocalAuthBanner() {
    }

    public static String lines(LocalAuthorizer authorizer, URI base, String region) {
        StringBuilder b = new StringBuilder();
        if (authorizer.mode() == RouteSecurity.Kind.IAM) {
            b.append(String.format("  Auth           IAM (SigV4, execute-api, %s); demo caller: AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s%n",
                    region, LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY));
            int more = authorizer.callers().all().size() - 1;
            if (more > 0) {
                b.append(String.format("                 and %d caller(s) from %s%n", more, LocalAuthorizer.CALLERS_VARIABLE));
            }
        } else {
            b.append(String.format("  Auth           JWT (issuer %s, audience %s); a token: curl -s '%s%s?scope=gift-orders/write'%n",
                    LocalTokens.ISSUER, LocalTokens.AUDIENCE, base, LocalAuthorizer.TOKEN_PATH));
        }
        return b.toString();
    }

    /** What a curl line needs to pass the route's authorizer, with a trailing space (empty for none). */
    public static String curlOption(LocalAuthorizer authorizer, String region, String routeKey) {
        return switch (authorizer.mode()) {
            case IAM -> "--aws-sigv4 \"aws:amz:" + region + ":execute-api\" --user " + LocalCallers.DEMO_ACCESS_KEY + ":"
                    + LocalCallers.DEMO_SECRET_KEY + " ";
            case JWT -> "-H \"Authorization: Bearer $TOKEN\" ";
            case NONE -> "";
        };
    }
}
