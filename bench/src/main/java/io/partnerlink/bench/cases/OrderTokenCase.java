package io.partnerlink.bench.cases;

import io.partnerlink.testsupport.ApiEvents;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * redeem-order-token: a signed webhook delivery of a fresh token for customer M10001. The sandbox's own mapping
 * accepts one demo token only (a second delivery of it is a replay, with no Vitec call), so a bench-only stub
 * answers the same ticket for any {@code bench-} token.
 */
final class OrderTokenCase implements FunctionCase {

    private static final String SIGNING_SECRET = "bench-signing-secret";

    @Override public String name() { return "redeem-order-token"; }
    @Override public String handlerClass() { return "io.partnerlink.ordertoken.OrderTokenHandler"; }
    @Override public String baselineClass() { return "io.partnerlink.bench.baseline.OrderTokenBaseline"; }
    @Override public String partner() { return "vitec"; }
    @Override public boolean http() { return true; }

    @Override
    public Map<String, String> prepare(Setup setup) {
        setup.putSecret("bench/vitec", "{\"username\":\"demo\",\"password\":\"demo-password\"}");
        setup.putSecret("bench/webhook", "{\"signingSecret\":\"" + SIGNING_SECRET + "\"}");
        setup.sandbox(partner()).stubFor(post(urlPathEqualTo("/Service/Order/Token/M10001")).atPriority(1)
                .withBasicAuth("demo", "demo-password")
                .withRequestBody(matchingJsonPath("$.data", com.github.tomakehurst.wiremock.client.WireMock.matching("bench-.*")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"orderId\":\"ORD-2024-000123\",\"userId\":\"USR-4711\",\"orderUserId\":\"USR-4711\","
                                + "\"targetId\":\"OBJ-3F2504E0\",\"targetType\":\"Bostadsratt\",\"tenantId\":\"TEN-100\","
                                + "\"chainId\":\"CHAIN-7\",\"customerId\":\"M10001\",\"hasExpired\":false}")));
        return Map.of("VITEC_BASE_URL", setup.sandboxUrl(partner()), "VITEC_SECRET_ID", "bench/vitec",
                "WEBHOOK_SECRET_ID", "bench/webhook");
    }

    @Override
    public String event(String unique) {
        String body = "{\"customerId\":\"M10001\",\"token\":\"bench-" + unique + "\"}";
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return ApiEvents.request("POST", "/vitec/order-tokens").header("X-Timestamp", timestamp)
                .header("X-Signature", "sha256=" + hmac(timestamp + "." + body)).json(body).toJson();
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
