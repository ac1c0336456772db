package io.partnerlink.bench.cases;

import io.partnerlink.testsupport.ApiEvents;

import java.util.Map;
import java.util.regex.Pattern;

/** issue-gift-order: {@code POST /gift-orders}, one certificate from the vektor sandbox's catalogue. */
final class GiftOrderCase implements FunctionCase {

    private static final Pattern UUID_ID = Pattern.compile("\\\\?\"id\\\\?\"\\s*:\\s*\\\\?\"([0-9a-fA-F-]{36})");
    private String certificateId;

    @Override public String name() { return "issue-gift-order"; }
    @Override public String handlerClass() { return "io.partnerlink.giftorder.GiftOrderHandler"; }
    @Override public String baselineClass() { return "io.partnerlink.giftorder.GiftOrderHandler"; }
    @Override public String partner() { return "vektor"; }
    @Override public boolean http() { return true; }

    @Override
    public Map<String, String> prepare(Setup setup) {
        setup.putSecret("bench/vektor", "{\"clientId\":\"demo-client\",\"clientSecret\":\"demo-secret\"}");
        certificateId = SandboxMappings.find(setup.root().resolve("infra/local/sandboxes/vektor"), "/api/certificates", UUID_ID)
                .orElseThrow(() -> new IllegalStateException("no certificate id in the vektor sandbox's /api/certificates mapping"));
        return Map.of("VEKTOR_BASE_URL", setup.sandboxUrl(partner()), "VEKTOR_SECRET_ID", "bench/vektor");
    }

    @Override
    public String event(String unique) {
        return ApiEvents.request("POST", "/gift-orders").header("Idempotency-Key", unique)
                .json("{\"customer\":{\"email\":\"bench@example.com\",\"name\":\"Bench\"},"
                        + "\"certificates\":[{\"id\":\"" + certificateId + "\",\"quantity\":1}],\"reference\":\"" + unique + "\"}")
                .toJson();
    }
}
