package io.partnerlink.shared.api;

import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;

/**
 * Who may use a route, checked by {@link HttpApiFunction} before the route runs, whatever API Gateway already
 * checked (defence in depth): an authenticated caller, and with a JWT the route's scope. IAM callers carry no
 * scopes; their IAM policy ({@code execute-api:Invoke} on the route) is the grant. A route that proves its caller
 * itself (a signed webhook) says so with {@link #signedInCode()}. There is no setting that turns the check off.
 */
public record RouteAccess(boolean callerRequired, String scope) {

    private static final RouteAccess CALLER = new RouteAccess(true, null);
    private static final RouteAccess SIGNED_IN_CODE = new RouteAccess(false, null);

    public static RouteAccess caller() {
        return CALLER;
    }

    /** An authenticated caller; a JWT caller must also hold {@code scope}. */
    public static RouteAccess callerWithScope(String scope) {
        return new RouteAccess(true, scope);
    }

    public static RouteAccess signedInCode() {
        return SIGNED_IN_CODE;
    }

    /** Throws 401 {@code unauthenticated} without a caller, 403 {@code insufficient-scope} for a JWT without the scope. */
    public void check(Caller caller) {
        if (!callerRequired) {
            return;
        }
        if (caller == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "The request reached the function without an authenticated caller. Nothing was done.");
        }
        if (scope != null && caller.kind() == Caller.Kind.JWT && !caller.hasScope(scope)) {
            throw new ProblemException(ProblemType.INSUFFICIENT_SCOPE, "This route needs the scope " + scope + ". Nothing was done.");
        }
    }
}
