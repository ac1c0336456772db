package io.partnerlink.coupons;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.partnerlink.coupons.MirrorItems.BALANCE_PREFIX;
import static io.partnerlink.coupons.MirrorItems.COUPON_PREFIX;
import static io.partnerlink.coupons.MirrorItems.ORPHANED;
import static io.partnerlink.coupons.MirrorItems.REMOVED;
import static io.partnerlink.coupons.MirrorItems.STATUS;

/**
 * After a complete pass over the whole client list: the enrolled clients i-bonus did not list are vanished. Their
 * coupons and balances are marked {@code orphaned} (kept whole, never deleted, never shown as spendable); their digest
 * is withdrawn first, so a client listed again is rewritten, not vouched for. Clients marked before are left alone
 * (no writes), and unmarked when they are listed again.
 */
@Singleton
public class VanishedClients {

    private static final Logger LOG = LoggerFactory.getLogger(VanishedClients.class);

    private final ClientRoster roster;
    private final CouponMirror mirror;
    private final ClientDigests digests;
    private final Clock clock;

    public VanishedClients(ClientRoster roster, CouponMirror mirror, ClientDigests digests, Clock clock) {
        this.roster = roster;
        this.mirror = mirror;
        this.digests = digests;
        this.clock = clock;
    }

    /** Marks the enrolled clients not in {@code listed}; counts them and their coupons in the tally. */
    void mark(Set<Long> listed, SyncTally tally) {
        Instant now = clock.instant();
        roster.all().forEach((clientId, markedBefore) -> {
            boolean isListed = listed.contains(clientId);
            if (isListed && markedBefore) {
                roster.markListedAgain(clientId);
            } else if (!isListed && !markedBefore) {
                orphan(clientId, now, tally);
            }
        });
    }

    private void orphan(long clientId, Instant now, SyncTally tally) {
        digests.withdraw(clientId);
        int coupons = 0;
        for (Map<String, AttributeValue> item : mirror.load(clientId).values()) {
            String sk = item.get(MirrorItems.SK).s();
            String status = MirrorItems.text(item, STATUS);
            if ((sk.startsWith(COUPON_PREFIX) || sk.startsWith(BALANCE_PREFIX)) && !REMOVED.equals(status) && !ORPHANED.equals(status)) {
                mirror.put(MirrorItems.orphaned(item, now));
                tally.writes.incrementAndGet();
                if (sk.startsWith(COUPON_PREFIX)) {
                    coupons++;
                }
            }
        }
        roster.markVanished(clientId, now);
        tally.clientsVanished.incrementAndGet();
        tally.orphaned.addAndGet(coupons);
        LOG.info("Client {} is no longer listed by i-bonus: {} coupon(s) marked orphaned", clientId, coupons);
    }
}
