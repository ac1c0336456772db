package io.partnerlink.renewal;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.core.type.Argument;
import io.partnerlink.shared.art.ArtStore;
import io.partnerlink.shared.art.ArtTimestamps;
import io.partnerlink.shared.art.NewOrder;
import io.partnerlink.shared.art.OrderItem;
import io.partnerlink.shared.art.OrderStatus;
import io.partnerlink.shared.art.StoreDomain;
import io.partnerlink.shared.art.StoreOrder;
import io.partnerlink.shared.idempotency.Idempotency;
import io.partnerlink.shared.idempotency.IdempotencyRequestInProgressException;
import io.partnerlink.shared.idempotency.IdempotentCall;
import io.partnerlink.shared.idempotency.Idempotent;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Renews one domain at most once per expiry date. The idempotency record {@code renew#<domain id>#<expired_at>}
 * makes concurrent and repeated runs wait for or replay the first; inside it, .ART (which takes no client key)
 * is first asked for an open renewal order, so a run that crashed after .ART accepted its order is not repeated.
 * An order that ended cancelled frees its expiry date: the next key is chained after it.
 */
@Singleton
public class DomainRenewal {

    private static final Logger LOG = LoggerFactory.getLogger(DomainRenewal.class);
    private static final Argument<PlacedRenewal> PLACED = Argument.of(PlacedRenewal.class);
    private static final Argument<Boolean> DONE = Argument.of(Boolean.class);
    static final List<String> OPEN = List.of(OrderStatus.UNPAID, OrderStatus.PROCESSING);
    static final String SERVICE_TYPE = "certificate_renewal";
    /** How many cancelled orders in a row one expiry date may replace. */
    static final int MAX_REORDERS = 3;

    private final ArtStore store;
    private final Idempotency idempotency;
    private final RenewalContacts contacts;
    private final RenewalSettings settings;
    private final RenewalRecords records;

    public DomainRenewal(ArtStore store, Idempotency idempotency, RenewalContacts contacts, RenewalSettings settings,
                         RenewalRecords records) {
        this.store = store;
        this.idempotency = idempotency;
        this.contacts = contacts;
        this.settings = settings;
        this.records = records;
    }

    /** The registrant the real run would send (the dry run asks it too, so it fails where the real run would). */
    public Registrant registrant(StoreDomain domain, Deadline deadline) {
        return contacts.forDomain(domain, deadline);
    }

    /** The idempotency key of the domain's current expiry date. */
    public static String keyFor(StoreDomain domain) {
        return "renew#" + domain.id() + "#" + expiry(domain);
    }

    private static String autorenewKey(StoreDomain domain) {
        return "autorenew#" + domain.id() + "#" + expiry(domain);
    }

    private static String expiry(StoreDomain domain) {
        return domain.expiredAt() == null ? "none" : ArtTimestamps.format(domain.expiredAt());
    }

    /** Orders a renewal of {@code period} months unless this expiry date already has one. */
    public RenewalOutcome order(StoreDomain domain, int period, Context lambda, Deadline deadline) {
        String key = keyFor(domain);
        for (int reorders = 0; ; reorders++) {
            Idempotent<PlacedRenewal> run = idempotency.execute(IdempotentCall.of(key, domain.name(), lambda), PLACED,
                    () -> place(domain, period, deadline));
            PlacedRenewal placed = run.result();
            if (!run.replayed()) {
                return RenewalOutcome.of(placed.created() ? RenewalOutcome.Kind.ORDERED : RenewalOutcome.Kind.OPEN_ORDER,
                        placed, placed.status());
            }
            String status = currentStatus(placed, deadline);
            if (!OrderStatus.CANCELLED.equals(status) || reorders >= MAX_REORDERS) {
                return RenewalOutcome.of(RenewalOutcome.Kind.ALREADY_ORDERED, placed, status);
            }
            LOG.info("Renewal order {} of {} was cancelled; its expiry date may be ordered again", placed.orderId(), domain.name());
            key = key + "#after:" + placed.orderId();
        }
    }

    /**
     * What the real run would find in our own records for this expiry date, without writing anything (the dry run):
     * a completed record is {@code ALREADY_ORDERED}, unless its order was cancelled, when the chained key is looked at
     * as {@link #order} would; a live in-progress record throws {@link IdempotencyRequestInProgressException}. Empty
     * when the real run would go on to .ART (no record, an expired one, or a dead run it would take over).
     */
    public Optional<RenewalOutcome> recorded(StoreDomain domain, Deadline deadline) {
        String key = keyFor(domain);
        for (int reorders = 0; ; reorders++) {
            Optional<PlacedRenewal> placed = records.completed(key, PLACED);
            if (placed.isEmpty()) {
                return Optional.empty();
            }
            String status = currentStatus(placed.get(), deadline);
            if (!OrderStatus.CANCELLED.equals(status) || reorders >= MAX_REORDERS) {
                return Optional.of(RenewalOutcome.of(RenewalOutcome.Kind.ALREADY_ORDERED, placed.get(), status));
            }
            key = key + "#after:" + placed.get().orderId();
        }
    }

    /** Whether autorenew was turned on for this expiry date already, by our records (the dry run). */
    public boolean autorenewRecorded(StoreDomain domain) {
        return records.completed(autorenewKey(domain), DONE).isPresent();
    }

    /** Turns autorenew on once per expiry date; true when this call did it. */
    public boolean enableAutorenew(StoreDomain domain, Context lambda, Deadline deadline) {
        String key = autorenewKey(domain);
        return !idempotency.execute(IdempotentCall.of(key, domain.name(), lambda), DONE, () -> {
            store.enableAutorenew(domain.id(), deadline);
            LOG.info("Turned autorenew on for {}", domain.name());
            return Boolean.TRUE;
        }).replayed();
    }

    /** An unpaid or processing renewal order for the domain, if .ART has one. */
    public Optional<StoreOrder> openOrder(String name, Deadline deadline) {
        for (String status : OPEN) {
            Optional<StoreOrder> open = store.allOrders(ArtStore.OrderQuery.forDomain(name, status), settings.pageSize(), deadline)
                    .stream()
                    // The status is checked again in case the filter is ignored; no status reads as open, to be safe.
                    .filter(o -> o.status() == null || OPEN.contains(o.status()))
                    .filter(o -> o.hasLine(SERVICE_TYPE, name))
                    .findFirst();
            if (open.isPresent()) {
                return open;
            }
        }
        return Optional.empty();
    }

    private PlacedRenewal place(StoreDomain domain, int period, Deadline deadline) {
        Optional<StoreOrder> open = openOrder(domain.name(), deadline);
        if (open.isPresent()) {
            StoreOrder order = open.get();
            LOG.info("{} already has an open renewal order {} ({}); not ordering again", domain.name(), order.id(), order.status());
            Integer existingPeriod = order.items().stream().filter(l -> SERVICE_TYPE.equals(l.serviceType()))
                    .map(StoreOrder.Line::period).findFirst().orElse(null);
            return new PlacedRenewal(order.id(), order.invoice(), existingPeriod, false, order.status(), null);
        }
        Registrant registrant = contacts.forDomain(domain, deadline);
        String orderId = store.createOrder(NewOrder.of(
                new OrderItem.CertificateRenewal(domain.name(), settings.promoCode(), period, registrant.contact())));
        LOG.info("Ordered the renewal of {} for {} months: order {} ({})", domain.name(), period, orderId, registrant.source());
        Optional<StoreOrder> created = readBack(orderId, deadline);
        return new PlacedRenewal(orderId, created.map(StoreOrder::invoice).orElse(null), period, true,
                created.map(StoreOrder::status).orElse(null), registrant.source());
    }

    /**
     * The order was placed: failing to read it back, however (an outage, an answer that does not decode), must not
     * make the run think otherwise, nor release the key so that a retry orders again.
     */
    private Optional<StoreOrder> readBack(String orderId, Deadline deadline) {
        try {
            return store.order(orderId, deadline);
        } catch (RuntimeException e) {
            LOG.warn("Order {} was placed but could not be read back for its invoice: {}", orderId, e.getMessage());
            return Optional.empty();
        }
    }

    private String currentStatus(PlacedRenewal placed, Deadline deadline) {
        try {
            return store.order(placed.orderId(), deadline).map(StoreOrder::status).orElse(placed.status());
        } catch (PartnerException e) {
            LOG.warn("Could not read renewal order {}: {}", placed.orderId(), e.getMessage());
            return placed.status();
        }
    }
}
