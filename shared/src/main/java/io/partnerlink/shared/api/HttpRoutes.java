package io.partnerlink.shared.api;

/**
 * A function's HTTP routes. One bean per function module; it dispatches on API Gateway's {@code routeKey}
 * (for example {@code POST /gift-orders}), so no router runs inside the function.
 */
public interface HttpRoutes {

    ApiResponse handle(ApiRequest request);

    /** Who may use a route: by default an authenticated caller (safe unless a route says otherwise). */
    default RouteAccess access(String routeKey) {
        return RouteAccess.caller();
    }
}
