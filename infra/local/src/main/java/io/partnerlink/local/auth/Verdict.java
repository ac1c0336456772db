package io.partnerlink.local.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the local authorizer decided: let the request through with the {@code requestContext.authorizer} object
 * API Gateway would hand the function (null on a route without authorizer), or refuse it with API Gateway's
 * answer, {@code 401 {"message":"Unauthorized"}} or {@code 403 {"message":"Forbidden"}}. {@code reason} is for
 * the runner's log and tests only; it never reaches the caller, as API Gateway tells nothing either.
 */
public record Verdict(int status, ObjectNode authorizer, String reason) {

    public static Verdict allow(ObjectNode authorizer) {
        return new Verdict(200, authorizer, "");
    }

    public static Verdict unauthorized(String reason) {
        return new Verdict(401, null, reason);
    }

    public static Verdict forbidden(String reason) {
        return new Verdict(403, null, reason);
    }

    public boolean allowed() {
        return status == 200;
    }

    /** API Gateway's body for a refusal. */
    public String message() {
        return status == 401 ? "Unauthorized" : "Forbidden";
    }
}
