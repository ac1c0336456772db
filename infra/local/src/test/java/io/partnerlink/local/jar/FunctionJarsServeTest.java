package io.partnerlink.local.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.LocalRunner;
import io.partnerlink.local.auth.DemoCallerRequests;
import io.partnerlink.local.RunnerOptions;
import io.partnerlink.local.function.LocalFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each function started from its shaded jar as the local runner starts it (template.yaml, its own JVM, region
 * eu-north-1, DynamoDB Local and moto reached through AWS_ENDPOINT_URL, partner sandboxes), then asked once
 * through its route or with a sample event of infra/events: proof that the shade filters left every class that
 * the start and a real invocation load (Micronaut's beans and services, the SDK's clients, signing, endpoints).
 */
class FunctionJarsServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void everyFunctionStartsFromItsJarAndAnswersASampleEvent() throws Exception {
        ShadedJarTest.jars();
        RunnerOptions options = RunnerOptions.forRepository(ShadedJarTest.ROOT, 0, "eu-north-1").withWorkDir(work, null);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (LocalRunner runner = LocalRunner.create(options).start()) {
            Map<String, String> states = new TreeMap<>();
            runner.functions().forEach((id, f) ->
                    states.put(id, f.state() == LocalFunction.State.READY ? "READY" : f.state() + ": " + f.detail()));
            assertEquals(Map.of("IssueGiftOrderFunction", "READY", "RedeemOrderTokenFunction", "READY",
                    "RenewDomainFunction", "READY", "SyncCouponsFunction", "READY"), states);
            // Signed as the banner's demo caller: the route is behind the IAM authorizer, locally as in AWS.
            HttpResponse<String> certificates = send(http, DemoCallerRequests.get(runner.baseUrl().resolve("/gift-certificates"), "eu-north-1"));
            assertEquals(200, certificates.statusCode(), certificates.body());
            assertTrue(JSON.readTree(certificates.body()).get("certificates").size() > 0, certificates.body());

            HttpResponse<String> ticket = send(http, signed(runner.baseUrl().resolve("/vitec/order-tokens"),
                    "{\"customerId\":\"M10001\",\"token\":\"demo-valid-token\"}"));
            assertEquals(200, ticket.statusCode(), ticket.body());
            assertTrue(JSON.readTree(ticket.body()).hasNonNull("orderId"), ticket.body());

            JsonNode renewal = invoke(http, runner, "RenewDomainFunction", "renew-domain-dry-run.json");
            assertTrue(renewal.get("dryRun").asBoolean(), renewal.toString());
            assertTrue(renewal.get("scanned").asInt() > 0, renewal.toString());

            JsonNode sync = invoke(http, runner, "SyncCouponsFunction", "sync-coupons-manual.json");
            assertTrue(sync.get("complete").asBoolean(), sync.toString());
            assertEquals(0, sync.get("errors").size(), sync.toString());
            assertTrue(sync.get("created").asInt() > 0, sync.toString());
        }
    }

    /** A raw event from infra/events to a function, as {@code sam local invoke} would pass it; its raw result. */
    private static JsonNode invoke(HttpClient http, LocalRunner runner, String function, String event) throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(runner.baseUrl().resolve("/_invoke/" + function))
                .POST(HttpRequest.BodyPublishers.ofFile(ShadedJarTest.ROOT.resolve("infra/events").resolve(event))));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Signed as redeem-order-token's README tells senders, with the local webhook secret (infra/local/secrets.json). */
    private static HttpRequest.Builder signed(URI url, String body) throws Exception {
        String secret = JSON.readTree(ShadedJarTest.ROOT.resolve("infra/local/secrets.json").toFile())
                .at("/WebhookSigningSecret/signingSecret").asText();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(url).header("Content-Type", "application/json").header("X-Timestamp", timestamp)
                .header("X-Signature", "sha256=" + signature).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
