package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.partner.RetryPolicy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The .ART domain store: domains, contacts and orders, with the bearer token, one token refresh after a 401,
 * retries of reads and idempotent writes within the caller's {@link Deadline}, and errors mapped to partner
 * exceptions ({@link ArtErrors}). Creating an order is never retried here: .ART takes no client key, so a
 * repeated POST could buy twice; callers look for an open order before trying again.
 */
@Singleton
public class ArtStore {

    private static final String BEARER = "Bearer ";

    private final ArtApi api;
    private final ArtAuthentication auth;
    private final RetryPolicy retry;

    public ArtStore(ArtApi api, ArtAuthentication auth, RetryPolicy retry) {
        this.api = api;
        this.auth = auth;
        this.retry = retry;
    }

    /** Filters of {@code GET /store/domains}; null means no filter. */
    public record DomainQuery(@Nullable String client, @Nullable String domain, @Nullable String status) {
        public static DomainQuery withStatus(String status) {
            return new DomainQuery(null, null, status);
        }

        public static DomainQuery named(String name) {
            return new DomainQuery(null, name, null);
        }
    }

    /** Filters of {@code GET /store/orders}; null means no filter. */
    public record OrderQuery(@Nullable String client, @Nullable String invoice, @Nullable String domain,
                             @Nullable String status) {
        public static OrderQuery forDomain(String domain, String status) {
            return new OrderQuery(null, null, domain, status);
        }
    }

    public ArtPage<StoreDomain> domains(DomainQuery q, int limit, int offset, Deadline deadline) {
        return listing("list domains", retried("list domains", deadline, t -> api.domains(t, q.client(), q.domain(), q.status(), limit, offset)));
    }

    /** Every domain matching {@code q}, page by page ({@link ArtPage#collect}). */
    public List<StoreDomain> allDomains(DomainQuery q, int pageSize, Deadline deadline) {
        return ArtPage.collect("domains" + (q.status() == null ? "" : " (" + q.status() + ")"), pageSize, StoreDomain::id,
                offset -> domains(q, pageSize, offset, deadline));
    }

    public Optional<StoreDomain> domain(String id, Deadline deadline) {
        return Optional.ofNullable(retried("view domain", deadline, t -> api.domain(t, id)));
    }

    public ArtPage<String> domainStatuses(Deadline deadline) {
        return listing("domain statuses", retried("domain statuses", deadline, t -> api.domainStatuses(t, null, null)));
    }

    /** {@code PUT /store/domains/{id}/autorenew}: turning it on twice is harmless, so it is retried. */
    public void enableAutorenew(String id, Deadline deadline) {
        retried("enable autorenew", deadline, t -> {
            api.enableAutorenew(t, id);
            return Boolean.TRUE;
        });
    }

    public void disableAutorenew(String id, Deadline deadline) {
        retried("disable autorenew", deadline, t -> {
            api.disableAutorenew(t, id);
            return Boolean.TRUE;
        });
    }

    public ArtPage<StoreContact> contacts(@Nullable String client, @Nullable String email, int limit, int offset,
                                          Deadline deadline) {
        return listing("list contacts", retried("list contacts", deadline, t -> api.contacts(t, client, email, limit, offset)));
    }

    /** Every contact matching the filters, page by page ({@link ArtPage#collect}). */
    public List<StoreContact> allContacts(@Nullable String client, @Nullable String email, int pageSize, Deadline deadline) {
        return ArtPage.collect("contacts", pageSize, StoreContact::id, offset -> contacts(client, email, pageSize, offset, deadline));
    }

    public Optional<StoreContact> contact(String id, Deadline deadline) {
        return Optional.ofNullable(retried("view contact", deadline, t -> api.contact(t, id)));
    }

    public ArtPage<String> contactStatuses(Deadline deadline) {
        return listing("contact statuses", retried("contact statuses", deadline, t -> api.contactStatuses(t, null, null)));
    }

    public ArtPage<StoreOrder> orders(OrderQuery q, int limit, int offset, Deadline deadline) {
        return listing("list orders", retried("list orders", deadline,
                t -> api.orders(t, q.client(), q.invoice(), q.domain(), q.status(), limit, offset)));
    }

    public List<StoreOrder> allOrders(OrderQuery q, int pageSize, Deadline deadline) {
        return ArtPage.collect("orders", pageSize, StoreOrder::id, offset -> orders(q, pageSize, offset, deadline));
    }

    public Optional<StoreOrder> order(String id, Deadline deadline) {
        return Optional.ofNullable(retried("view order", deadline, t -> api.order(t, id)));
    }

    public ArtPage<String> orderStatuses(Deadline deadline) {
        return listing("order statuses", retried("order statuses", deadline, t -> api.orderStatuses(t, null, null)));
    }

    /** {@code POST /store/orders}, once: the new order's id. */
    public String createOrder(NewOrder order) {
        CreatedId created = authorized("create order", t -> api.createOrder(t, order));
        if (created == null || created.id() == null || created.id().isBlank()) {
            throw new IllegalStateException("art create order answered without an order id");
        }
        return created.id();
    }

    /**
     * The declarative client answers null for a 404. A list is never "not found", and reading a missing list as
     * empty could hide an open order, so it is a rejection.
     */
    private static <T> ArtPage<T> listing(String operation, ArtPage<T> page) {
        if (page == null) {
            throw new PartnerRejectedException(ArtErrors.PARTNER, 404, operation + ": not found", List.of());
        }
        return page;
    }

    private <T> T retried(String operation, Deadline deadline, Function<String, T> call) {
        return retry.call("art " + operation, deadline, () -> authorized(operation, call));
    }

    /** One call with the current token; after a 401 the token is refreshed and the call made once more. */
    private <T> T authorized(String operation, Function<String, T> call) {
        String token = auth.accessToken();
        try {
            return PartnerCalls.send(ArtErrors.PARTNER, operation, () -> call.apply(BEARER + token), ArtErrors::rejection);
        } catch (PartnerUnauthorizedException expired) {
            auth.invalidate(token);
            String fresh = auth.accessToken();
            return PartnerCalls.send(ArtErrors.PARTNER, operation, () -> call.apply(BEARER + fresh), ArtErrors::rejection);
        }
    }
}
