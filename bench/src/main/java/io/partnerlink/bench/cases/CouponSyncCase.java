package io.partnerlink.bench.cases;

import java.util.Map;
import java.util.UUID;

/**
 * sync-coupons: a manual sync of the sandbox's {@code %@vip.example} clients (the sample manual event) with a fresh
 * event id, so each invocation runs instead of replaying. The first (unmeasured) run fills the table; every
 * measured run then reads each client's coupons, balance and stored items and writes nothing, as most runs do.
 */
final class CouponSyncCase implements FunctionCase {

    @Override public String name() { return "sync-coupons"; }
    @Override public String handlerClass() { return "io.partnerlink.coupons.CouponSyncHandler"; }
    @Override public String baselineClass() { return "io.partnerlink.bench.baseline.CouponSyncBaseline"; }
    @Override public String partner() { return "ibonus"; }
    @Override public boolean http() { return false; }

    @Override
    public Map<String, String> prepare(Setup setup) {
        setup.putSecret("bench/ibonus", "{\"username\":\"demo\",\"password\":\"demo-password\"}");
        String table = "bench-coupons-" + UUID.randomUUID();
        String baselineTable = "bench-coupons-baseline-" + UUID.randomUUID();
        setup.createCouponsTable(table);
        setup.createCouponsTable(baselineTable);
        return Map.of("IBONUS_BASE_URL", setup.sandboxUrl(partner()), "IBONUS_SECRET_ID", "bench/ibonus",
                "COUPONS_TABLE", table, "BASELINE_COUPONS_TABLE", baselineTable);
    }

    @Override
    public String event(String unique) {
        return "{\"id\":\"" + unique + "\",\"email\":\"%@vip.example\"}";
    }
}
