package io.partnerlink.bench.cases;

import java.util.Map;

/** issue-gift-order: the sample {@code POST /gift-orders} (two certificates of the vektor sandbox's catalogue). */
final class GiftOrderCase implements FunctionCase {

    private String sample;

    @Override public String name() { return "issue-gift-order"; }
    @Override public String handlerClass() { return "io.partnerlink.giftorder.GiftOrderHandler"; }
    @Override public String baselineClass() { return "io.partnerlink.bench.baseline.GiftOrderBaseline"; }
    @Override public String partner() { return "vektor"; }
    @Override public boolean http() { return true; }

    @Override
    public Map<String, String> prepare(Setup setup) {
        setup.putSecret("bench/vektor", "{\"clientId\":\"demo-client\",\"clientSecret\":\"demo-secret\"}");
        sample = SampleEvents.read(setup.root(), "issue-gift-order-place-order.json");
        return Map.of("VEKTOR_BASE_URL", setup.sandboxUrl(partner()), "VEKTOR_SECRET_ID", "bench/vektor");
    }

    @Override
    public String event(String unique) {
        return SampleEvents.withKey(sample, unique);
    }
}
