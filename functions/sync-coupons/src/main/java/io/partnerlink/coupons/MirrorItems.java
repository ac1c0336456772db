package io.partnerlink.coupons;

import io.partnerlink.shared.ibonus.Balance;
import io.partnerlink.shared.ibonus.Coupon;
import io.partnerlink.shared.idempotency.IdempotencyKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of the coupons table. A client's items share the partition {@code CLIENT#<clientId>}: coupons under
 * sort key {@code COUPON#<couponId>}, balances under {@code BALANCE#<currency>}, so one query reads everything a
 * client has. The content hash covers the partner's fields only; the status is compared on its own.
 */
final class MirrorItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String STATUS = "status";
    static final String CONTENT_HASH = "contentHash";
    static final String FIRST_SEEN_AT = "firstSeenAt";
    static final String LAST_CHANGED_AT = "lastChangedAt";
    static final String REMOVED_AT = "removedAt";
    static final String ORPHANED_AT = "orphanedAt";
    static final String COUPON_PREFIX = "COUPON#";
    static final String BALANCE_PREFIX = "BALANCE#";
    /** Sort key of the client's digest item (see {@link ClientDigests}). */
    static final String DIGEST_SK = "DIGEST";

    static final String ACTIVE = "active";
    static final String EXPIRED = "expired";
    static final String REMOVED = "removed";
    /** The client is no longer listed by i-bonus (after a complete pass): kept, never spendable. */
    static final String ORPHANED = "orphaned";

    private MirrorItems() {
    }

    private static final String CLIENT_PREFIX = "CLIENT#";

    static String clientKey(long clientId) {
        return CLIENT_PREFIX + clientId;
    }

    /** The client id of one of its items, from the partition key. */
    static long clientId(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(PK).s().substring(CLIENT_PREFIX.length()));
    }

    /** The key of the client's item {@code sk}. */
    static Map<String, AttributeValue> key(long clientId, String sk) {
        return Map.of(PK, AttributeValue.fromS(clientKey(clientId)), SK, AttributeValue.fromS(sk));
    }

    /** A new item of the client: its key, its kind and the client id; the rest is the caller's. */
    static Map<String, AttributeValue> item(long clientId, String sk, String kind) {
        Map<String, AttributeValue> item = new HashMap<>(key(clientId, sk));
        item.put("kind", AttributeValue.fromS(kind));
        item.put("clientId", AttributeValue.fromN(Long.toString(clientId)));
        return item;
    }

    /**
     * Valid while now is before {@code expireDate} (docs/partners/ibonus.md Q5): at the instant itself the coupon
     * is expired, the safe side for a shop that would otherwise accept it.
     */
    static String couponStatus(Coupon coupon, Instant now) {
        return coupon.expiresAt().isAfter(now) ? ACTIVE : EXPIRED;
    }

    static String couponHash(Coupon c) {
        return hash("coupon-v1", c.id(), c.title(), c.header(), c.subHeader(), c.shortDescription(), c.longDescription(),
                c.expireDate(), c.token(), c.shareToken(), c.merchantToken(), c.merchantShareToken());
    }

    /** 1234.5 and 1234.50 are the same amount: the scale the partner happens to send is not a change. */
    static String balanceHash(Balance b) {
        return hash("balance-v1", b.currency(), b.amount().stripTrailingZeros().toPlainString());
    }

    /** A listed coupon with its content hash, computed once: the digest and the coupon's item both use it. */
    record HashedCoupon(Coupon coupon, String hash) {

        static HashedCoupon of(Coupon coupon) {
            return new HashedCoupon(coupon, couponHash(coupon));
        }
    }

    /**
     * What the client's mirror holds after a sync of these lists at {@code now}: each listed item's hash and status
     * (so a coupon expiring by the clock changes it), in a fixed order. Items not listed are all {@code removed}.
     */
    static String clientDigest(List<HashedCoupon> coupons, List<Balance> balances, Instant now) {
        List<Object> parts = new ArrayList<>();
        parts.add("client-v1");
        coupons.stream().sorted(Comparator.comparing((HashedCoupon h) -> h.coupon().id())).forEach(h -> {
            parts.add(h.coupon().id());
            parts.add(h.hash());
            parts.add(couponStatus(h.coupon(), now));
        });
        parts.add("balances");
        balances.stream().sorted(Comparator.comparing(Balance::currency)).forEach(b -> {
            parts.add(b.currency());
            parts.add(balanceHash(b));
        });
        return hash(parts.toArray());
    }

    static Map<String, AttributeValue> coupon(long clientId, Coupon c, String status, String hash, Instant firstSeen, Instant changed) {
        Map<String, AttributeValue> item = base(clientId, COUPON_PREFIX + c.id(), "coupon", status, hash, firstSeen, changed);
        item.put("couponId", AttributeValue.fromN(Long.toString(c.id())));
        putText(item, "title", c.title());
        putText(item, "header", c.header());
        putText(item, "subHeader", c.subHeader());
        putText(item, "shortDescription", c.shortDescription());
        putText(item, "longDescription", c.longDescription());
        item.put("expireDate", AttributeValue.fromS(c.expiresAt().toString()));
        // token is the key of token-index: an empty string may not be an index key, so a blank token is left out.
        putText(item, "token", blankToNull(c.token()));
        putText(item, "shareToken", c.shareToken());
        putText(item, "merchantToken", c.merchantToken());
        putText(item, "merchantShareToken", c.merchantShareToken());
        return item;
    }

    static Map<String, AttributeValue> balance(long clientId, Balance b, String hash, Instant firstSeen, Instant changed) {
        Map<String, AttributeValue> item = base(clientId, BALANCE_PREFIX + b.currency(), "balance", ACTIVE, hash, firstSeen, changed);
        item.put("currency", AttributeValue.fromS(b.currency()));
        item.put("amount", AttributeValue.fromN(b.amount().toPlainString()));
        return item;
    }

    /** The stored item, kept whole, marked removed. */
    static Map<String, AttributeValue> removed(Map<String, AttributeValue> stored, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(stored);
        item.put(STATUS, AttributeValue.fromS(REMOVED));
        item.put(REMOVED_AT, AttributeValue.fromS(now.toString()));
        item.put(LAST_CHANGED_AT, AttributeValue.fromS(now.toString()));
        return item;
    }

    /** The stored item, kept whole, marked orphaned: its client is no longer in i-bonus' list. */
    static Map<String, AttributeValue> orphaned(Map<String, AttributeValue> stored, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(stored);
        item.put(STATUS, AttributeValue.fromS(ORPHANED));
        item.put(ORPHANED_AT, AttributeValue.fromS(now.toString()));
        item.put(LAST_CHANGED_AT, AttributeValue.fromS(now.toString()));
        return item;
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        return value == null ? null : Instant.parse(value);
    }

    static BigDecimal amount(Map<String, AttributeValue> item) {
        return new BigDecimal(item.get("amount").n());
    }

    private static Map<String, AttributeValue> base(long clientId, String sk, String kind, String status, String hash,
                                                    Instant firstSeen, Instant changed) {
        Map<String, AttributeValue> item = item(clientId, sk, kind);
        item.put(STATUS, AttributeValue.fromS(status));
        item.put(CONTENT_HASH, AttributeValue.fromS(hash));
        item.put(FIRST_SEEN_AT, AttributeValue.fromS(firstSeen.toString()));
        item.put(LAST_CHANGED_AT, AttributeValue.fromS(changed.toString()));
        return item;
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** SHA-256 over length-prefixed parts, so no two different field lists can produce the same text. */
    private static String hash(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part == null) {
                text.append("-;");
            } else {
                String s = part.toString();
                text.append(s.length()).append(':').append(s).append(';');
            }
        }
        return IdempotencyKeys.sha256(text.toString());
    }
}
