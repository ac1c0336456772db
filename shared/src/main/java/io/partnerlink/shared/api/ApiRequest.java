package io.partnerlink.shared.api;

import com.amazonaws.services.lambda.runtime.Context;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP request as API Gateway (HTTP API, payload 2.0) delivered it: header names lower-cased, the body
 * already base64-decoded, the request id that every answer and log line carries, and the caller its authorizer
 * vouched for (null on a route that proves its caller itself, {@link RouteAccess#signedInCode()}).
 */
public record ApiRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> headers,
                         Map<String, String> query, byte[] body, String requestId, Context lambda, Caller caller) {

    /** The caller's own version of a client's idempotency key ({@link Caller#owns}). */
    public String ownedKey(String key) {
        if (caller == null) {
            throw new IllegalStateException("route " + routeKey + " has no caller to own its keys");
        }
        return caller.owns(key);
    }

    /**
     * A header's value; a 400 when it holds a control or invisible character (RequestText). The Idempotency-Key is
     * left to its own, stricter rule (printable ASCII, no comma), which answers {@code idempotency-key-required}.
     */
    public String header(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String value = headers.get(lower);
        return lower.equals("idempotency-key") ? value : RequestText.header(lower, value);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The body as strict UTF-8; null when the bytes are not UTF-8. */
    public String bodyText() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
