package io.partnerlink.coupons.reliability;

import io.partnerlink.coupons.IbonusFake;
import io.partnerlink.testsupport.PartnerSandbox;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.partnerlink.coupons.IbonusFake.coupon;

/** The small i-bonus of the reliability tests: three clients on two pages of two, and the change a second run sees. */
final class SyncBeds {

    static final Instant NEXT_YEAR = Instant.now().plus(Duration.ofDays(365));
    static final int PAGE_SIZE = 2;

    private SyncBeds() {
    }

    static IbonusFake threeClients(PartnerSandbox sandbox) {
        IbonusFake ibonus = new IbonusFake(sandbox, PAGE_SIZE);
        ibonus.client(1, coupon(11, NEXT_YEAR, "Coffee"));
        ibonus.client(2, coupon(21, NEXT_YEAR, "Tea"), coupon(22, NEXT_YEAR, "Scone"));
        ibonus.client(3, coupon(31, NEXT_YEAR, "Cake"));
        ibonus.publish();
        return ibonus;
    }

    /** Client 2's coupon 21 changes, its coupon 22 is withdrawn and its balance moves: three items to write, once. */
    static void changeClientTwo(IbonusFake ibonus) {
        ibonus.coupons.put(2L, new java.util.ArrayList<>(java.util.List.of(coupon(21, NEXT_YEAR, "Green tea"))));
        ibonus.balances.put(2L, "[{\"amount\":99.25,\"currency\":\"points\"}]");
        ibonus.publish();
    }

    static String header(Map<String, Map<String, AttributeValue>> mirror, long client, long coupon) {
        return mirror.get("CLIENT#" + client + "|COUPON#" + coupon).get("header").s();
    }

    static String status(Map<String, Map<String, AttributeValue>> mirror, long client, long coupon) {
        return mirror.get("CLIENT#" + client + "|COUPON#" + coupon).get("status").s();
    }

    static String balance(Map<String, Map<String, AttributeValue>> mirror, long client) {
        return mirror.get("CLIENT#" + client + "|BALANCE#points").get("amount").n();
    }
}
