package io.partnerlink.giftorder;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.HttpRoutes;
import io.partnerlink.shared.api.RouteAccess;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;

/** The function's two routes, by API Gateway's route key. */
@Singleton
public class GiftOrderRoutes implements HttpRoutes {

    static final String PLACE_ORDER = "POST /gift-orders";
    static final String LIST_CERTIFICATES = "GET /gift-certificates";
    /** The JWT scopes of the routes, as in template.yaml's API definition. */
    static final String WRITE_SCOPE = "gift-orders/write";
    static final String READ_SCOPE = "gift-orders/read";

    private final GiftOrders orders;
    private final GiftCatalogue catalogue;

    public GiftOrderRoutes(GiftOrders orders, GiftCatalogue catalogue) {
        this.orders = orders;
        this.catalogue = catalogue;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return switch (request.routeKey()) {
            case PLACE_ORDER -> orders.place(request);
            case LIST_CERTIFICATES -> catalogue.list(request);
            default -> throw new ProblemException(ProblemType.NOT_FOUND, "No route " + request.routeKey() + " in this function.");
        };
    }

    @Override
    public RouteAccess access(String routeKey) {
        return switch (routeKey) {
            case PLACE_ORDER -> RouteAccess.callerWithScope(WRITE_SCOPE);
            case LIST_CERTIFICATES -> RouteAccess.callerWithScope(READ_SCOPE);
            default -> RouteAccess.caller();
        };
    }
}
