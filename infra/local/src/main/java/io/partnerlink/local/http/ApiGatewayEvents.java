package io.partnerlink.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP API, payload format 2.0, both ways: the event a request becomes (header names lower-cased as
 * AWS documents for 2.0, values as sent, repeated values joined with commas, cookies apart, non-text bodies base64) and the HTTP answer a handler's result becomes
 * (a {@code statusCode} object, or any other JSON as a 200 {@code application/json} body, as API Gateway does).
 */
public final class ApiGatewayEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ObjectMapper json;

    public ApiGatewayEvents(ObjectMapper json) {
        this.json = json;
    }

    public byte[] event(IncomingRequest request, RouteTable.Match match, String requestId, Instant now) throws IOException {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            } else {
                headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
            }
        }
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-port", Integer.toString(request.port()));
        headers.putIfAbsent("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        headers.forEach(event.putObject("headers")::put);
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        if (!match.pathParameters().isEmpty()) {
            match.pathParameters().forEach(event.putObject("pathParameters")::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1:" + request.port()));
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        boolean text = isText(headers.get("content-type"), request.body());
        if (request.body().length > 0) {
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
        }
        event.put("isBase64Encoded", request.body().length > 0 && !text);
        return json.writeValueAsBytes(event);
    }

    /** The HTTP answer for a handler's raw output. */
    public HttpAnswer answer(byte[] output) {
        JsonNode result;
        try {
            result = output.length == 0 ? null : json.readTree(output);
        } catch (IOException notJson) {
            result = null;
        }
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            return new HttpAnswer(200, List.of(Map.entry("Content-Type", "application/json")), output);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        result.path("headers").properties().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        result.path("multiValueHeaders").properties().forEach(h -> h.getValue()
                .forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
        result.path("cookies").forEach(c -> headers.add(Map.entry("Set-Cookie", c.asText())));
        String body = result.path("body").isNull() ? "" : result.path("body").asText("");
        byte[] bytes = result.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new HttpAnswer(result.get("statusCode").asInt(), headers, bytes);
    }

    /**
     * Whether API Gateway's HTTP API hands the body to a payload 2.0 function as text ({@code isBase64Encoded}
     * false). Its documentation says only that a binary body is base64-encoded; the split observed on AWS is text
     * for {@code text/*}, {@code application/json}, {@code application/xml} and {@code application/javascript}
     * (parameters ignored), base64 for every other type and for a body without Content-Type. A text type whose
     * bytes are not valid UTF-8 cannot be a JSON string without changing them: the documentation is silent, and the
     * runner takes the reading that keeps every byte (base64), so a function never sees U+FFFD for what was sent.
     */
    static boolean isText(String contentType, byte[] body) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        boolean textType = type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript");
        return textType && RequestReader.isUtf8(body);
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }
}
