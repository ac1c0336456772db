package io.partnerlink.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * renew-domain on demand without a framework: .ART secret, {@code POST /auth/token} (JSON), the request's
 * idempotency claim (its {@code Idempotency-Key}), the domain by name, the renewal's claim per domain and expiry,
 * open orders (unpaid, processing), the client's contacts, {@code POST /store/orders}, the order read back for its
 * invoice, and the two completing PutItems. The function keeps these same two records (the request's answer for
 * replays, and once per expiry date), so the raw calls are the same four writes.
 */
public class RenewalBaseline implements RequestStreamHandler {

    private final String baseUrl = Baseline.env("ART_BASE_URL");
    private final String secretId = Baseline.env("ART_SECRET_ID");
    private final String table = Baseline.env("IDEMPOTENCY_TABLE");
    private final Baseline.Expiring<String> token = new Baseline.Expiring<>(this::fetchToken, Duration.ofMinutes(59));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Baseline.parse(input.readAllBytes());
        String name = event.field("pathParameters").flatMap(p -> p.field("domain")).map(JsonNode::text).orElseThrow();
        String requestBody = Baseline.text(event, "body");
        int period = Integer.parseInt(Baseline.parse(requestBody).field("period").orElseThrow().asNumber());
        String request = "baseline-renew-request#" + Baseline.header(event, "idempotency-key");
        String requestHash = Baseline.sha256(name + "\n" + requestBody);
        Baseline.claim(table, request, requestHash);

        JsonNode domain = get("/store/domains?domain=" + encode(name)).field("items").orElseThrow().asArray().get(0);
        String id = "baseline-renew#" + Baseline.text(domain, "id") + "#" + Baseline.text(domain, "expired_at");
        String hash = Baseline.sha256(name + "#" + period);
        Baseline.claim(table, id, hash);

        for (String status : List.of("unpaid", "processing")) {
            get("/store/orders?domain=" + encode(name) + "&status=" + status);
        }
        JsonNode contact = get("/store/contacts?client=" + encode(Baseline.text(domain, "client"))).field("items").orElseThrow().asArray().get(0);
        JsonNode address = contact.field("address").orElseThrow();
        JsonWriter order = JsonWriter.create().writeStartObject().writeFieldName("items").writeStartArray().writeStartObject()
                .writeFieldName("service_type").writeValue("certificate_renewal")
                .writeFieldName("domain").writeValue(name)
                .writeFieldName("period").writeValue(period)
                .writeFieldName("contact").writeStartObject();
        for (String field : List.of("firstname", "lastname", "organization", "email", "phone", "language", "vat", "ethereum")) {
            order.writeFieldName(field).writeValue(String.valueOf(Baseline.text(contact, field)));
        }
        order.writeFieldName("address").writeStartObject();
        for (String field : List.of("zip", "country", "state", "city", "line1", "line2")) {
            order.writeFieldName(field).writeValue(String.valueOf(Baseline.text(address, field)));
        }
        byte[] body = order.writeEndObject().writeEndObject().writeEndObject().writeEndArray().writeEndObject().getBytes();
        String orderId = Baseline.text(Baseline.parse(Baseline.expect2xx(request("/store/orders")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build())), "id");
        String invoice = Baseline.text(get("/store/orders/" + orderId), "invoice");

        String answer = new String(JsonWriter.create().writeStartObject()
                .writeFieldName("domain").writeValue(name)
                .writeFieldName("orderId").writeValue(orderId)
                .writeFieldName("invoiceId").writeValue(String.valueOf(invoice))
                .writeFieldName("period").writeValue(period)
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
        Baseline.complete(table, id, hash, answer);
        Baseline.complete(table, request, requestHash, answer);
        output.write(Baseline.answer(201, answer));
    }

    private JsonNode get(String path) {
        return Baseline.parse(Baseline.expect2xx(request(path).GET().build()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token.get()).header("Accept-Language", "en");
    }

    private String fetchToken() {
        JsonNode credentials = Baseline.secret(secretId);
        byte[] grant = JsonWriter.create().writeStartObject()
                .writeFieldName("grant_type").writeValue("client_credentials")
                .writeFieldName("client_id").writeValue(Baseline.text(credentials, "clientId"))
                .writeFieldName("client_secret").writeValue(Baseline.text(credentials, "clientSecret"))
                .writeEndObject().getBytes();
        String body = Baseline.expect2xx(HttpRequest.newBuilder(URI.create(baseUrl + "/auth/token")).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(grant)).build());
        return Baseline.text(Baseline.parse(body), "access_token");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
