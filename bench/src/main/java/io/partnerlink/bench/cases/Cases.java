package io.partnerlink.bench.cases;

import java.util.List;

/** The functions the benchmark knows. A case whose jar or sandbox has not landed yet is reported, not faked. */
public final class Cases {

    private Cases() {
    }

    public static List<FunctionCase> all() {
        return List.of(new GiftOrderCase(), new OrderTokenCase(), new RenewalCase(), new CouponSyncCase());
    }
}
