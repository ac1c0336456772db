package io.partnerlink.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * redeem-order-token without a framework: webhook secret and HMAC check, idempotency claim, Vitec secret,
 * {@code POST /Service/Order/Token/{customerId}} (Basic), completing PutItem.
 */
public class OrderTokenBaseline implements RequestStreamHandler {

    private final String baseUrl = Baseline.env("VITEC_BASE_URL");
    private final String secretId = Baseline.env("VITEC_SECRET_ID");
    private final String webhookSecretId = Baseline.env("WEBHOOK_SECRET_ID");
    private final String table = Baseline.env("IDEMPOTENCY_TABLE");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Baseline.parse(input.readAllBytes());
        String body = Baseline.text(event, "body");
        String timestamp = Baseline.header(event, "x-timestamp");
        String signature = Baseline.header(event, "x-signature");
        if (!signed(timestamp, body, signature)) {
            output.write(Baseline.answer(401, "{\"type\":\"signature-invalid\"}"));
            return;
        }
        JsonNode order = Baseline.parse(body);
        String customerId = Baseline.text(order, "customerId");
        String token = Baseline.text(order, "token");
        String key = Baseline.sha256(customerId + "\n" + token);
        String id = "baseline-order-token#" + key;
        Baseline.claim(table, id, key);

        JsonNode credentials = Baseline.secret(secretId);
        String basic = Base64.getEncoder().encodeToString((Baseline.text(credentials, "username") + ":"
                + Baseline.text(credentials, "password")).getBytes(StandardCharsets.UTF_8));
        byte[] request = JsonWriter.create().writeStartObject().writeFieldName("data").writeValue(token).writeEndObject().getBytes();
        JsonNode ticket = Baseline.parse(Baseline.expect2xx(HttpRequest.newBuilder(URI.create(baseUrl + "/Service/Order/Token/" + customerId))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build()));
        String answer = new String(JsonWriter.create().writeStartObject()
                .writeFieldName("orderId").writeValue(Baseline.text(ticket, "orderId"))
                .writeFieldName("customerId").writeValue(Baseline.text(ticket, "customerId"))
                .writeFieldName("targetId").writeValue(Baseline.text(ticket, "targetId"))
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
        Baseline.complete(table, id, key, answer);
        output.write(Baseline.answer(200, answer));
    }

    private boolean signed(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Baseline.text(Baseline.secret(webhookSecretId), "signingSecret")
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length()).toLowerCase()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
