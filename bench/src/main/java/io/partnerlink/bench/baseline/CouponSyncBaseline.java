package io.partnerlink.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * sync-coupons without a framework: idempotency claim on the event id, i-bonus secret (Basic), the client pages,
 * then per client (8 at a time) coupons, balance, one Query of its stored items and a PutItem only for an item
 * whose content hash changed; completing PutItem with the counts.
 */
public class CouponSyncBaseline implements RequestStreamHandler {

    private static final int PAGE = 100;
    private final String baseUrl = Baseline.env("IBONUS_BASE_URL") + "/ext/api/v1";
    private final String secretId = Baseline.env("IBONUS_SECRET_ID");
    private final String table = Baseline.env("BASELINE_COUPONS_TABLE");
    private final String idempotencyTable = Baseline.env("IDEMPOTENCY_TABLE");
    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Baseline.parse(input.readAllBytes());
        String id = "baseline-sync#" + Baseline.text(event, "id");
        String email = Baseline.text(event, "email");
        Baseline.claim(idempotencyTable, id, Baseline.sha256(String.valueOf(email)));
        JsonNode credentials = Baseline.secret(secretId);
        String basic = "Basic " + Base64.getEncoder().encodeToString((Baseline.text(credentials, "username") + ":"
                + Baseline.text(credentials, "password")).getBytes(StandardCharsets.UTF_8));
        AtomicInteger clients = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        for (int offset = 0; ; offset += PAGE) {
            String query = "?offset=" + offset + "&limit=" + PAGE + (email == null ? "" : "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
            List<JsonNode> page = get(basic, "/clients/" + query).asArray();
            List<Future<?>> running = new ArrayList<>();
            for (JsonNode client : page) {
                running.add(workers.submit(() -> writes.addAndGet(sync(basic, client.field("id").orElseThrow().asNumber()))));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            clients.addAndGet(page.size());
            if (page.size() < PAGE) {
                break;
            }
        }
        String answer = "{\"clientsScanned\":" + clients + ",\"writes\":" + writes + "}";
        Baseline.complete(idempotencyTable, id, Baseline.sha256(String.valueOf(email)), answer);
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    /** One client: its coupons and balance, compared by hash with what is stored; returns the items written. */
    private int sync(String basic, String clientId) {
        Map<String, String> fresh = new HashMap<>();
        for (JsonNode coupon : get(basic, "/clients/" + clientId + "/coupons/").asArray()) {
            fresh.put("COUPON#" + coupon.field("id").orElseThrow().asNumber(), fields(coupon));
        }
        for (JsonNode balance : get(basic, "/clients/" + clientId + "/balance/").asArray()) {
            fresh.put("BALANCE#" + Baseline.text(balance, "currency"), fields(balance));
        }
        String pk = "CLIENT#" + clientId;
        Map<String, String> stored = new HashMap<>();
        Baseline.dynamoDb().query(r -> r.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))
                .items().forEach(item -> stored.put(item.get("sk").s(), item.get("contentHash").s()));
        int written = 0;
        for (Map.Entry<String, String> item : fresh.entrySet()) {
            String hash = Baseline.sha256(item.getValue());
            if (!hash.equals(stored.get(item.getKey()))) {
                Baseline.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                        "sk", AttributeValue.fromS(item.getKey()), "content", AttributeValue.fromS(item.getValue()),
                        "contentHash", AttributeValue.fromS(hash))));
                written++;
            }
        }
        return written;
    }

    private static String fields(JsonNode object) {
        StringBuilder text = new StringBuilder();
        object.asObject().forEach((k, v) -> text.append(k).append('=').append(v.isNull() ? "" : v.text()).append('\n'));
        return text.toString();
    }

    private JsonNode get(String basic, String path) {
        return Baseline.parse(Baseline.expect2xx(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", basic).GET().build()));
    }
}
