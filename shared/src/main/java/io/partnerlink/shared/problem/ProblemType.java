package io.partnerlink.shared.problem;

/**
 * A problem type (RFC 9457): a slug that becomes the {@code type} URI, its HTTP status and a stable title.
 * The constants are docs/design.md §Errors; a function adds its own (say {@code price-changed}) as constants of its own.
 */
public record ProblemType(String slug, int status, String title) {

    /** Type URIs are relative references, which RFC 9457 allows; they resolve against the API's base URL. */
    public static final String TYPE_PREFIX = "/problems/";

    public static final ProblemType VALIDATION_FAILED = new ProblemType("validation-failed", 400, "The request is not valid");
    public static final ProblemType IDEMPOTENCY_KEY_REQUIRED = new ProblemType("idempotency-key-required", 400, "An Idempotency-Key header is required");
    public static final ProblemType SIGNATURE_INVALID = new ProblemType("signature-invalid", 401, "The request signature is missing, stale or wrong");
    /** No authenticated caller in the event (defence in depth behind API Gateway's authorizer). */
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401, "The request has no authenticated caller");
    public static final ProblemType INSUFFICIENT_SCOPE = new ProblemType("insufficient-scope", 403, "The caller's token lacks the route's scope");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType REQUEST_IN_PROGRESS = new ProblemType("request-in-progress", 409, "A request with this idempotency key is in progress");
    public static final ProblemType TOKEN_EXPIRED = new ProblemType("token-expired", 410, "The token has expired");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused", 422, "The idempotency key was used with another request");
    /** A partner refused the request's content (its 400): shown as our field errors, status 422. */
    public static final ProblemType PARTNER_VALIDATION_FAILED = new ProblemType("validation-failed", 422, "The partner rejected the request");
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", 500, "Internal error");
    public static final ProblemType UPSTREAM_REJECTED = new ProblemType("upstream-rejected", 502, "The partner refused the request");
    public static final ProblemType UPSTREAM_UNAVAILABLE = new ProblemType("upstream-unavailable", 503, "The partner is unavailable");
    public static final ProblemType STORE_UNAVAILABLE = new ProblemType("store-unavailable", 503, "The idempotency store is unavailable");
    public static final ProblemType SECRETS_UNAVAILABLE = new ProblemType("secrets-unavailable", 503, "Partner credentials are unavailable");

    public String uri() {
        return TYPE_PREFIX + slug;
    }
}
