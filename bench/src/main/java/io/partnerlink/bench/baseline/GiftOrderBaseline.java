package io.partnerlink.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * issue-gift-order without a framework: idempotency claim, vektor secret, {@code POST /connect/token} (form),
 * {@code GET /api/certificates} (cached 5 min, like the function), {@code POST /api/orders}, completing PutItem.
 */
public class GiftOrderBaseline implements RequestStreamHandler {

    private final String baseUrl = Baseline.env("VEKTOR_BASE_URL");
    private final String secretId = Baseline.env("VEKTOR_SECRET_ID");
    private final String table = Baseline.env("IDEMPOTENCY_TABLE");
    private final Baseline.Expiring<String> token = new Baseline.Expiring<>(this::fetchToken, Duration.ofMinutes(59));
    private final Baseline.Expiring<List<JsonNode>> catalogue = new Baseline.Expiring<>(this::fetchCatalogue, Duration.ofMinutes(5));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Baseline.parse(input.readAllBytes());
        String key = Baseline.header(event, "idempotency-key");
        String body = Baseline.text(event, "body");
        JsonNode order = Baseline.parse(body);
        String id = "baseline-gift#" + key;
        String hash = Baseline.sha256(body);
        Baseline.claim(table, id, hash);

        String bearer = "Bearer " + token.get();
        List<JsonNode> certificates = catalogue.get();
        UUID orderId = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        JsonNode customer = order.field("customer").orElseThrow();
        JsonWriter partnerOrder = JsonWriter.create().writeStartObject()
                .writeFieldName("orderId").writeValue(orderId.toString())
                .writeFieldName("customer").writeStartObject()
                .writeFieldName("email").writeValue(Baseline.text(customer, "email")).writeEndObject()
                .writeFieldName("certificates").writeStartArray();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : order.field("certificates").orElseThrow().asArray()) {
            String certificate = Baseline.text(line, "id");
            int quantity = Integer.parseInt(line.field("quantity").orElseThrow().asNumber());
            JsonNode listed = certificates.stream().filter(c -> certificate.equalsIgnoreCase(Baseline.text(c, "id")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("not in the catalogue: " + certificate));
            total = total.add(new BigDecimal(listed.field("price").orElseThrow().asNumber()).multiply(BigDecimal.valueOf(quantity)));
            partnerOrder.writeStartObject().writeFieldName("id").writeValue(certificate)
                    .writeFieldName("quantity").writeValue(quantity).writeEndObject();
        }
        byte[] orderJson = partnerOrder.writeEndArray().writeEndObject().getBytes();
        Baseline.expect2xx(HttpRequest.newBuilder(URI.create(baseUrl + "/api/orders")).timeout(Duration.ofSeconds(8))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(orderJson)).build());

        String answer = new String(JsonWriter.create().writeStartObject()
                .writeFieldName("orderId").writeValue(orderId.toString())
                .writeFieldName("total").writeValue(total)
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
        Baseline.complete(table, id, hash, answer);
        output.write(Baseline.answer(201, answer));
    }

    private String fetchToken() {
        JsonNode credentials = Baseline.secret(secretId);
        String form = "client_id=" + URLEncoder.encode(Baseline.text(credentials, "clientId"), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(Baseline.text(credentials, "clientSecret"), StandardCharsets.UTF_8)
                + "&grant_type=client_credentials";
        String body = Baseline.expect2xx(HttpRequest.newBuilder(URI.create(baseUrl + "/connect/token")).timeout(Duration.ofSeconds(8))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return Baseline.text(Baseline.parse(body), "access_token");
    }

    private List<JsonNode> fetchCatalogue() {
        String body = Baseline.expect2xx(HttpRequest.newBuilder(URI.create(baseUrl + "/api/certificates")).timeout(Duration.ofSeconds(8))
                .header("Authorization", "Bearer " + token.get()).GET().build());
        return Baseline.parse(body).asArray();
    }
}
