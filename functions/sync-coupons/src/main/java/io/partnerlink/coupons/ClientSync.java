package io.partnerlink.coupons;

import io.partnerlink.shared.ibonus.Balance;
import io.partnerlink.shared.ibonus.Coupon;
import io.partnerlink.shared.ibonus.IbonusClient;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerException;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.partnerlink.coupons.MirrorItems.BALANCE_PREFIX;
import static io.partnerlink.coupons.MirrorItems.CONTENT_HASH;
import static io.partnerlink.coupons.MirrorItems.COUPON_PREFIX;
import static io.partnerlink.coupons.MirrorItems.EXPIRED;
import static io.partnerlink.coupons.MirrorItems.FIRST_SEEN_AT;
import static io.partnerlink.coupons.MirrorItems.LAST_CHANGED_AT;
import static io.partnerlink.coupons.MirrorItems.REMOVED;
import static io.partnerlink.coupons.MirrorItems.STATUS;

/**
 * Mirrors one client: reads its coupons and balance from i-bonus and its stored items from the table, then writes
 * only the items whose content hash or status differs. Removal is decided here, per client, against the client's
 * complete coupon list (the partner returns it whole), so it is correct whichever invocation processes the client;
 * a client whose list could not be read is left as it is. A 401 is not handled here: it stops the run.
 */
@Singleton
public class ClientSync {

    private final IbonusClient ibonus;
    private final CouponMirror mirror;
    private final Clock clock;

    public ClientSync(IbonusClient ibonus, CouponMirror mirror, Clock clock) {
        this.ibonus = ibonus;
        this.mirror = mirror;
        this.clock = clock;
    }

    public void sync(long clientId, Deadline deadline, boolean rewriteAll, SyncTally tally) {
        List<Coupon> coupons = fetch(clientId, "coupons", () -> ibonus.coupons(clientId, deadline), tally);
        List<Balance> balances = fetch(clientId, "balance", () -> ibonus.balance(clientId, deadline), tally);
        tally.clientsScanned.incrementAndGet();
        if (coupons == null && balances == null) {
            return;
        }
        Map<String, Map<String, AttributeValue>> stored = mirror.load(clientId);
        Instant now = clock.instant();
        if (coupons != null) {
            mirrorCoupons(clientId, coupons, stored, now, rewriteAll, tally);
        }
        if (balances != null) {
            mirrorBalances(clientId, balances, stored, now, rewriteAll, tally);
        }
    }

    private static <T> List<T> fetch(long clientId, String what, Supplier<List<T>> call, SyncTally tally) {
        try {
            return call.get();
        } catch (PartnerUnauthorizedException stop) {
            throw stop;
        } catch (PartnerException e) {
            tally.error(clientId, e.status(), what + ": " + e.getMessage() + partnerMessage(e));
            return null;
        }
    }

    private static String partnerMessage(PartnerException e) {
        if (e instanceof PartnerRejectedException rejected && rejected.partnerMessage() != null) {
            return " (" + rejected.partnerMessage() + ")";
        }
        return "";
    }

    private void mirrorCoupons(long clientId, List<Coupon> coupons, Map<String, Map<String, AttributeValue>> stored,
                               Instant now, boolean rewriteAll, SyncTally tally) {
        Set<String> listed = new HashSet<>();
        for (Coupon coupon : coupons) {
            tally.couponsSeen.incrementAndGet();
            String sk = COUPON_PREFIX + coupon.id();
            listed.add(sk);
            String hash = MirrorItems.couponHash(coupon);
            String status = MirrorItems.couponStatus(coupon, now);
            Map<String, AttributeValue> before = stored.get(sk);
            if (before == null) {
                write(MirrorItems.coupon(clientId, coupon, status, hash, now, now), tally);
                tally.created.incrementAndGet();
                continue;
            }
            String statusBefore = MirrorItems.text(before, STATUS);
            boolean changed = !hash.equals(MirrorItems.text(before, CONTENT_HASH)) || !status.equals(statusBefore);
            if (!changed && !rewriteAll) {
                tally.unchanged.incrementAndGet();
                continue;
            }
            Instant lastChanged = changed ? now : MirrorItems.instant(before, LAST_CHANGED_AT);
            write(MirrorItems.coupon(clientId, coupon, status, hash, MirrorItems.instant(before, FIRST_SEEN_AT), lastChanged), tally);
            if (EXPIRED.equals(status) && !EXPIRED.equals(statusBefore)) {
                tally.expired.incrementAndGet();
            } else if (changed) {
                tally.updated.incrementAndGet();
            } else {
                tally.unchanged.incrementAndGet(); // rewritten by a full resync, but nothing in it changed
            }
        }
        stored.forEach((sk, item) -> {
            if (sk.startsWith(COUPON_PREFIX) && !listed.contains(sk) && !REMOVED.equals(MirrorItems.text(item, STATUS))) {
                write(MirrorItems.removed(item, now), tally);
                tally.removed.incrementAndGet();
            }
        });
    }

    private void mirrorBalances(long clientId, List<Balance> balances, Map<String, Map<String, AttributeValue>> stored,
                                Instant now, boolean rewriteAll, SyncTally tally) {
        Set<String> listed = new HashSet<>();
        for (Balance balance : balances) {
            String sk = BALANCE_PREFIX + balance.currency();
            listed.add(sk);
            String hash = MirrorItems.balanceHash(balance);
            Map<String, AttributeValue> before = stored.get(sk);
            boolean changed = before == null || !hash.equals(MirrorItems.text(before, CONTENT_HASH))
                    || !MirrorItems.ACTIVE.equals(MirrorItems.text(before, STATUS));
            if (changed || rewriteAll) {
                Instant firstSeen = before == null ? now : MirrorItems.instant(before, FIRST_SEEN_AT);
                Instant lastChanged = changed ? now : MirrorItems.instant(before, LAST_CHANGED_AT);
                write(MirrorItems.balance(clientId, balance, hash, firstSeen, lastChanged), tally);
                tally.balancesUpdated.incrementAndGet();
            }
        }
        // A currency i-bonus no longer lists is kept and marked removed, like a coupon, never shown as spendable.
        stored.forEach((sk, item) -> {
            if (sk.startsWith(BALANCE_PREFIX) && !listed.contains(sk) && !REMOVED.equals(MirrorItems.text(item, STATUS))) {
                write(MirrorItems.removed(item, now), tally);
                tally.balancesUpdated.incrementAndGet();
            }
        });
    }

    private void write(Map<String, AttributeValue> item, SyncTally tally) {
        mirror.put(item);
        tally.writes.incrementAndGet();
    }
}
