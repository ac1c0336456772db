package io.partnerlink.testsupport;

import io.partnerlink.shared.api.Caller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (payload 2.0) events as JSON, the way Lambda receives them.
 * {@code ApiEvents.request("POST", "/gift-orders").header("Idempotency-Key", "k1").json(body).toJson()}.
 * Every event carries the IAM authorizer context of {@link #TEST_ROLE} unless {@link #iamCaller}, {@link #jwtCaller}
 * or {@link #noCaller} say otherwise, as API Gateway would send it behind an IAM authorizer.
 */
public final class ApiEvents {

    private final String method;
    private final String path;
    private String routeKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private String body;
    private boolean base64;

    public static final String TEST_ACCOUNT = "111122223333";
    /** The default caller: a backend's assumed-role session, as API Gateway reports it in {@code userArn}. */
    public static final String TEST_ROLE = "arn:aws:sts::111122223333:assumed-role/order-backend/session-1";
    private String authorizer = iamAuthorizer(TEST_ACCOUNT, TEST_ROLE);

    private ApiEvents(String method, String path) {
        this.method = method;
        this.path = path;
        this.routeKey = method + " " + path;
    }

    public static ApiEvents request(String method, String path) {
        return new ApiEvents(method, path);
    }

    /** The template's route when the path has parameters, e.g. {@code POST /domains/{domain}/renewals}. */
    public ApiEvents route(String routeKey) {
        this.routeKey = routeKey;
        return this;
    }

    public ApiEvents pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    /** A query parameter, as API Gateway hands it over in {@code queryStringParameters}. */
    public ApiEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiEvents header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public ApiEvents json(String json) {
        headers.putIfAbsent("content-type", "application/json");
        this.body = json;
        return this;
    }

    /** A raw body with no content type set, for bad-input tests. */
    public ApiEvents rawBody(String raw) {
        this.body = raw;
        return this;
    }

    public ApiEvents base64Body(String encoded) {
        this.body = encoded;
        this.base64 = true;
        return this;
    }

    /** Signed with SigV4 by this principal (API Gateway's {@code requestContext.authorizer.iam}). */
    public ApiEvents iamCaller(String accountId, String principalArn) {
        this.authorizer = iamAuthorizer(accountId, principalArn);
        return this;
    }

    /** A JWT from {@code issuer} for {@code subject} with these scopes ({@code requestContext.authorizer.jwt}). */
    public ApiEvents jwtCaller(String issuer, String subject, String... scopes) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("scope", String.join(" ", scopes));
        StringBuilder list = new StringBuilder("[");
        for (String scope : scopes) {
            list.append(list.length() > 1 ? "," : "").append(Json.quote(scope));
        }
        this.authorizer = "{\"jwt\":{\"claims\":" + Json.object(claims) + ",\"scopes\":" + list + "]}}";
        return this;
    }

    /** No authorizer context, as if the route had no authorizer (or someone invoked the function directly). */
    public ApiEvents noCaller() {
        this.authorizer = null;
        return this;
    }

    /** The record key a client key becomes for the default caller ({@link Caller#owns}). */
    public static String ownedByTestCaller(String key) {
        return Caller.iam(TEST_ACCOUNT, TEST_ROLE).owns(key);
    }

    private static String iamAuthorizer(String accountId, String principalArn) {
        return "{\"iam\":{\"accessKey\":\"ASIATESTKEY\",\"accountId\":" + Json.quote(accountId)
                + ",\"callerId\":\"AROATESTROLE:session-1\",\"principalOrgId\":null,\"userArn\":" + Json.quote(principalArn)
                + ",\"userId\":\"AROATESTROLE:session-1\"}}";
    }

    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"version\":\"2.0\",\"routeKey\":").append(Json.quote(routeKey))
                .append(",\"rawPath\":").append(Json.quote(path))
                .append(",\"rawQueryString\":\"\"")
                .append(",\"headers\":").append(Json.object(headers));
        if (!pathParameters.isEmpty()) {
            json.append(",\"pathParameters\":").append(Json.object(pathParameters));
        }
        if (!query.isEmpty()) {
            json.append(",\"queryStringParameters\":").append(Json.object(query));
        }
        json.append(",\"requestContext\":{\"accountId\":\"000000000000\",\"apiId\":\"local\",\"domainName\":\"localhost\",")
                .append("\"http\":{\"method\":").append(Json.quote(method)).append(",\"path\":").append(Json.quote(path))
                .append(",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"test\"},")
                .append("\"requestId\":").append(Json.quote(UUID.randomUUID().toString()))
                .append(",\"routeKey\":").append(Json.quote(routeKey))
                .append(",\"stage\":\"$default\",\"timeEpoch\":").append(System.currentTimeMillis());
        if (authorizer != null) {
            json.append(",\"authorizer\":").append(authorizer);
        }
        json.append('}');
        if (body != null) {
            json.append(",\"body\":").append(Json.quote(body));
        }
        json.append(",\"isBase64Encoded\":").append(base64).append('}');
        return json.toString();
    }
}
