package io.partnerlink.coupons;

import io.partnerlink.coupons.MirrorItems.HashedCoupon;
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
 * Mirrors one client: reads its coupons and balance from i-bonus; when the client's digest says the table already
 * holds exactly that, stops there. Otherwise reads its stored items, writes only the items whose content hash or
 * status differs, then the digest. Removal is decided here, per client, against the client's
 * complete coupon list (the partner returns it whole), so it is correct whichever invocation processes the client;
 * a client whose list could not be read is left as it is. A 401 is not handled here: it stops the run.
 */
@Singleton
public class ClientSync {

    private final IbonusClient ibonus;
    private final CouponMirror mirror;
    private final ClientDigests digests;
    private final ClientRoster roster;
    private final Clock clock;

    public ClientSync(IbonusClient ibonus, CouponMirror mirror, ClientDigests digests, ClientRoster roster, Clock clock) {
        this.ibonus = ibonus;
        this.mirror = mirror;
        this.digests = digests;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * @param seen the client's digest item as read for its page (null: none); when it vouches for exactly what
     *             i-bonus lists now, the stored items are not read at all
     */
    void sync(long clientId, ClientDigests.Seen seen, Deadline deadline, boolean rewriteAll, SyncTally tally) {
        List<Coupon> coupons = fetch(clientId, "coupons", () -> ibonus.coupons(clientId, deadline), tally);
        List<Balance> balances = fetch(clientId, "balance", () -> ibonus.balance(clientId, deadline), tally);
        tally.clientsScanned.incrementAndGet();
        if (coupons == null && balances == null) {
            return;
        }
        Instant now = clock.instant();
        // A digest only for a complete read: with one list missing, nothing may vouch for the client's items.
        List<HashedCoupon> hashed = coupons == null ? null : coupons.stream().map(HashedCoupon::of).toList();
        String digest = hashed != null && balances != null ? MirrorItems.clientDigest(hashed, balances, now) : null;
        if (!rewriteAll && digest != null && seen != null && digest.equals(seen.digest())) {
            tally.couponsSeen.addAndGet(coupons.size());
            tally.unchanged.addAndGet(coupons.size());
            return;
        }
        Map<String, Map<String, AttributeValue>> stored = mirror.load(clientId);
        if (stored.isEmpty() || rewriteAll) {
            // Before its first item, so no client with items is missing from the roster; a full resync enrols
            // clients mirrored before the roster existed.
            roster.enrol(clientId);
        }
        Writes writes = new Writes(clientId, ClientDigests.Seen.of(stored.remove(MirrorItems.DIGEST_SK)), tally);
        if (coupons != null) {
            mirrorCoupons(clientId, hashed, stored, now, rewriteAll, tally, writes);
        }
        if (balances != null) {
            mirrorBalances(clientId, balances, stored, now, rewriteAll, tally, writes);
        }
        if (digest != null) {
            writes.vouch(digest, now);
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

    private void mirrorCoupons(long clientId, List<HashedCoupon> coupons, Map<String, Map<String, AttributeValue>> stored,
                               Instant now, boolean rewriteAll, SyncTally tally, Writes writes) {
        Set<String> listed = new HashSet<>();
        for (HashedCoupon hashed : coupons) {
            Coupon coupon = hashed.coupon();
            tally.couponsSeen.incrementAndGet();
            String sk = COUPON_PREFIX + coupon.id();
            listed.add(sk);
            String hash = hashed.hash();
            String status = MirrorItems.couponStatus(coupon, now);
            Map<String, AttributeValue> before = stored.get(sk);
            if (before == null) {
                writes.put(MirrorItems.coupon(clientId, coupon, status, hash, now, now));
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
            writes.put(MirrorItems.coupon(clientId, coupon, status, hash, MirrorItems.instant(before, FIRST_SEEN_AT), lastChanged));
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
                writes.put(MirrorItems.removed(item, now));
                tally.removed.incrementAndGet();
            }
        });
    }

    private void mirrorBalances(long clientId, List<Balance> balances, Map<String, Map<String, AttributeValue>> stored,
                                Instant now, boolean rewriteAll, SyncTally tally, Writes writes) {
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
                writes.put(MirrorItems.balance(clientId, balance, hash, firstSeen, lastChanged));
                tally.balancesUpdated.incrementAndGet();
            }
        }
        // A currency i-bonus no longer lists is kept and marked removed, like a coupon, never shown as spendable.
        stored.forEach((sk, item) -> {
            if (sk.startsWith(BALANCE_PREFIX) && !listed.contains(sk) && !REMOVED.equals(MirrorItems.text(item, STATUS))) {
                writes.put(MirrorItems.removed(item, now));
                tally.balancesUpdated.incrementAndGet();
            }
        });
    }

    /** One client's writes: the digest item stops vouching before the first item changes, and vouches again after. */
    private final class Writes {
        private final long clientId;
        private final SyncTally tally;
        private final boolean vouching;
        private String claim;
        private boolean wrote;

        Writes(long clientId, ClientDigests.Seen seen, SyncTally tally) {
            this.clientId = clientId;
            this.tally = tally;
            this.vouching = seen != null && seen.digest() != null;
            this.claim = seen == null ? null : seen.claim();
        }

        void put(Map<String, AttributeValue> item) {
            if (!wrote && vouching) {
                claim = digests.withdraw(clientId);
            }
            wrote = true;
            mirror.put(item);
            tally.writes.incrementAndGet();
        }

        void vouch(String digest, Instant now) {
            if (!digests.vouch(clientId, digest, claim, now) && wrote) {
                // Another sync wrote the digest item meanwhile; its digest may predate some of these writes.
                digests.withdraw(clientId);
            }
        }
    }
}
