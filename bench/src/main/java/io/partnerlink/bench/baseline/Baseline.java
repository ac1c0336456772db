package io.partnerlink.bench.baseline;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The framework-free building blocks of the baseline handlers: what a careful hand-written Lambda would use with no
 * Micronaut and no Jackson databind. AWS SDK v2 on the URL-connection client (region, credentials and endpoints
 * from the SDK's own settings, like the functions), {@code java.net.http} for partners, the SDK's own JSON parser
 * ({@code jsoncore.JsonNode}) and writer. Secrets and tokens are cached per container, as the functions do.
 */
public final class Baseline {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    private Baseline() {
    }

    /** Built on first use, as the functions' beans are. */
    private static final class Aws {
        static final DynamoDbClient DYNAMO_DB = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        static final SecretsManagerClient SECRETS_MANAGER = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    static DynamoDbClient dynamoDb() {
        return Aws.DYNAMO_DB;
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    static JsonNode parse(byte[] json) {
        return JsonNode.parser().parse(json);
    }

    static JsonNode parse(String json) {
        return JsonNode.parser().parse(json);
    }

    static String text(JsonNode node, String field) {
        return node.field(field).filter(n -> !n.isNull()).map(JsonNode::text).orElse(null);
    }

    /** A header of an API Gateway v2 event (API Gateway lower-cases header names). */
    static String header(JsonNode event, String name) {
        return event.field("headers").flatMap(h -> h.field(name)).map(JsonNode::text).orElse(null);
    }

    /** The secret's JSON, cached per container. */
    static JsonNode secret(String secretId) {
        return parse(SECRETS.computeIfAbsent(secretId,
                id -> Aws.SECRETS_MANAGER.getSecretValue(r -> r.secretId(id)).secretString()));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and insists on a 2xx; the baseline has no error handling beyond that. */
    static String expect2xx(HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The idempotency claim: one conditional PutItem of an in-progress record, like the functions' store. */
    static void claim(String table, String id, String payloadHash) {
        long now = System.currentTimeMillis();
        dynamoDb().putItem(r -> r.tableName(table)
                .item(Map.of("id", AttributeValue.fromS(id), "status", AttributeValue.fromS("INPROGRESS"),
                        "payloadHash", AttributeValue.fromS(payloadHash),
                        "inProgressExpiration", AttributeValue.fromN(Long.toString(now + 30_000)),
                        "expiration", AttributeValue.fromN(Long.toString(now / 1000 + 86_400))))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")));
    }

    /** The completing PutItem holding the answer. */
    static void complete(String table, String id, String payloadHash, String result) {
        long now = System.currentTimeMillis();
        dynamoDb().putItem(r -> r.tableName(table)
                .item(Map.of("id", AttributeValue.fromS(id), "status", AttributeValue.fromS("COMPLETED"),
                        "payloadHash", AttributeValue.fromS(payloadHash),
                        "inProgressExpiration", AttributeValue.fromN(Long.toString(now + 30_000)),
                        "expiration", AttributeValue.fromN(Long.toString(now / 1000 + 86_400)),
                        "result", AttributeValue.fromS(result))));
    }

    /** An API Gateway v2 answer. */
    static byte[] answer(int status, String body) {
        return JsonWriter.create().writeStartObject()
                .writeFieldName("statusCode").writeValue(status)
                .writeFieldName("headers").writeStartObject()
                .writeFieldName("Content-Type").writeValue("application/json").writeEndObject()
                .writeFieldName("body").writeValue(body)
                .writeFieldName("isBase64Encoded").writeValue(false)
                .writeEndObject().getBytes();
    }

    /** A value cached until its deadline, refetched when stale (tokens, catalogues). */
    static final class Expiring<T> {
        private final Supplier<T> fetch;
        private final Duration maxAge;
        private T value;
        private long fetchedAt;

        Expiring(Supplier<T> fetch, Duration maxAge) {
            this.fetch = fetch;
            this.maxAge = maxAge;
        }

        synchronized T get() {
            long now = System.currentTimeMillis();
            if (value == null || now - fetchedAt >= maxAge.toMillis()) {
                value = fetch.get();
                fetchedAt = now;
            }
            return value;
        }
    }
}
