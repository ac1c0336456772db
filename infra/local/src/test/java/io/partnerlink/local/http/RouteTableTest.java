package io.partnerlink.local.http;

import io.partnerlink.local.template.HttpRoute;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new HttpRoute("ANY", HttpRoute.DEFAULT, "Fallback"),
            new HttpRoute("ANY", "/files/{path+}", "Files"),
            new HttpRoute("POST", "/domains/{domain}/renewals", "Renew"),
            new HttpRoute("POST", "/domains/special/renewals", "Special"),
            new HttpRoute("ANY", "/gift-orders", "AnyOrders"),
            new HttpRoute("POST", "/gift-orders", "Orders")));

    @Test
    void theMostSpecificRouteWins() {
        assertEquals("Special", function("POST", "/domains/special/renewals"));
        assertEquals("Renew", function("POST", "/domains/example.art/renewals"));
        assertEquals("Orders", function("POST", "/gift-orders"));
        assertEquals("AnyOrders", function("GET", "/gift-orders"));
        assertEquals("Files", function("GET", "/files/a/b.txt"));
        assertEquals("Fallback", function("GET", "/domains/x"));
    }

    @Test
    void pathParametersAreDecoded() {
        assertEquals(Map.of("domain", "bücher.art"),
                table.match("POST", "/domains/b%C3%BCcher.art/renewals").orElseThrow().pathParameters());
        assertEquals(Map.of("path", "a/b c+d"), table.match("GET", "/files/a/b%20c+d").orElseThrow().pathParameters());
    }

    @Test
    void withoutADefaultRouteAMismatchFindsNothing() {
        RouteTable strict = new RouteTable(List.of(new HttpRoute("POST", "/gift-orders", "Orders")));
        assertTrue(strict.match("GET", "/gift-orders").isEmpty());
        assertTrue(strict.match("POST", "/gift-orders/1").isEmpty());
        assertTrue(strict.match("POST", "/").isEmpty());
    }

    private String function(String method, String path) {
        return table.match(method, path).orElseThrow().route().functionId();
    }
}
