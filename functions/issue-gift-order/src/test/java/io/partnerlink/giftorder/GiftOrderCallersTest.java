package io.partnerlink.giftorder;

import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 16 in the function (defence in depth behind API Gateway's authorizer): both routes refuse an event without
 * an authenticated caller (401) or, with a JWT, without the route's scope (403), before any partner call or record;
 * and an {@code Idempotency-Key} belongs to its caller.
 */
class GiftOrderCallersTest {

    static final String ISSUER = "https://issuer.example.com";
    final GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** Events the authorizer would never have let through, or that lack the route's scope, and the answer due. */
    static Stream<Object[]> refusals() {
        List<Object[]> cases = new java.util.ArrayList<>();
        for (String route : List.of("POST /gift-orders", "GET /gift-certificates")) {
            String other = route.startsWith("POST") ? "gift-orders/read" : "gift-orders/write";
            cases.add(new Object[]{route, "no authorizer context", (UnaryOperator<ApiEvents>) ApiEvents::noCaller, 401, "unauthenticated"});
            cases.add(new Object[]{route, "IAM context naming no principal", (UnaryOperator<ApiEvents>) e -> e.iamCaller("111122223333", ""), 401, "unauthenticated"});
            cases.add(new Object[]{route, "JWT without a subject", (UnaryOperator<ApiEvents>) e -> e.jwtCaller(ISSUER, ""), 401, "unauthenticated"});
            cases.add(new Object[]{route, "JWT without any scope", (UnaryOperator<ApiEvents>) e -> e.jwtCaller(ISSUER, "user-1"), 403, "insufficient-scope"});
            cases.add(new Object[]{route, "JWT with the other route's scope", (UnaryOperator<ApiEvents>) e -> e.jwtCaller(ISSUER, "user-1", other), 403, "insufficient-scope"});
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1} -> {3}")
    @MethodSource("refusals")
    void refusedBeforeAnyPartnerCallOrRecord(String route, String what, UnaryOperator<ApiEvents> caller, int status, String type) {
        HttpAnswer answer = f.invoke(caller.apply(event(route, "k-" + what.hashCode())).toJson(), TestLambdaContext.of(GiftOrderFixture.FUNCTION));
        assertEquals(status, answer.status(), answer.body());
        assertEquals(type, answer.problemType());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals(0, f.partnerCalls(), "no call to vektor");
        assertEquals(0, f.records().size(), "no idempotency record");
    }

    @Test
    void aJwtWithTheRoutesScopeIsServed() {
        HttpAnswer listed = f.invoke(ApiEvents.request("GET", "/gift-certificates").jwtCaller(ISSUER, "user-1", "gift-orders/read")
                .toJson(), TestLambdaContext.of(GiftOrderFixture.FUNCTION));
        assertEquals(200, listed.status(), listed.body());
        HttpAnswer placed = send(event("POST /gift-orders", "k-1").jwtCaller(ISSUER, "user-1", "gift-orders/write"));
        assertEquals(201, placed.status(), placed.body());
    }

    @Test
    void twoCallersWithTheSameKeyAndBodyGetTwoOrdersEachReplayingOnlyItsOwn() {
        UnaryOperator<ApiEvents> shop = e -> e.iamCaller("111122223333", "arn:aws:iam::111122223333:role/shop");
        UnaryOperator<ApiEvents> crm = e -> e.iamCaller("444455556666", "arn:aws:iam::444455556666:role/crm");
        HttpAnswer shopFirst = send(shop.apply(event("POST /gift-orders", "same-key")));
        HttpAnswer crmFirst = send(crm.apply(event("POST /gift-orders", "same-key")));
        assertEquals(201, shopFirst.status(), shopFirst.body());
        assertEquals(201, crmFirst.status(), crmFirst.body());
        assertNull(crmFirst.header("Idempotent-Replayed"), "the second caller must not get the first caller's answer");

        List<String> orderIds = f.orderIdsSent();
        assertEquals(2, orderIds.size());
        assertNotEquals(orderIds.get(0), orderIds.get(1), "each caller's order has its own orderId");
        assertEquals(orderIds.get(0), shopFirst.json().get("orderId").getStringValue());
        assertEquals(orderIds.get(1), crmFirst.json().get("orderId").getStringValue());

        HttpAnswer shopAgain = send(shop.apply(event("POST /gift-orders", "same-key")));
        HttpAnswer crmAgain = send(crm.apply(event("POST /gift-orders", "same-key")));
        assertEquals("true", shopAgain.header("Idempotent-Replayed"));
        assertEquals(shopFirst.body(), shopAgain.body());
        assertEquals("true", crmAgain.header("Idempotent-Replayed"));
        assertEquals(crmFirst.body(), crmAgain.body());
        assertEquals(2, f.orderCalls());
        assertEquals(2, f.records().size());
    }

    @Test
    void twoJwtSubjectsOfOneIssuerAreTwoCallers() {
        HttpAnswer anna = send(event("POST /gift-orders", "k").jwtCaller(ISSUER, "anna", "gift-orders/write"));
        HttpAnswer boris = send(event("POST /gift-orders", "k").jwtCaller(ISSUER, "boris", "gift-orders/write"));
        HttpAnswer otherIssuer = send(event("POST /gift-orders", "k").jwtCaller("https://other.example.com", "anna", "gift-orders/write"));
        assertEquals(List.of(201, 201, 201), List.of(anna.status(), boris.status(), otherIssuer.status()));
        assertEquals(3, f.orderIdsSent().stream().distinct().count());
    }

    @Test
    void theSameCallerTwiceIsOneOrderEvenFromANewRoleSession() {
        String account = "111122223333";
        HttpAnswer first = send(event("POST /gift-orders", "k").iamCaller(account, "arn:aws:sts::111122223333:assumed-role/shop/session-a"));
        HttpAnswer again = send(event("POST /gift-orders", "k").iamCaller(account, "arn:aws:sts::111122223333:assumed-role/shop/session-b"));
        assertEquals(201, first.status(), first.body());
        assertEquals("true", again.header("Idempotent-Replayed"), "a new session of the same role is the same caller");
        assertEquals(first.body(), again.body());
        assertEquals(1, f.orderCalls());
    }

    private static ApiEvents event(String route, String key) {
        String[] parts = route.split(" ");
        ApiEvents event = ApiEvents.request(parts[0], parts[1]).header("Idempotency-Key", key);
        return parts[0].equals("POST") ? event.json(order(HOFF, 1)) : event;
    }

    private HttpAnswer send(ApiEvents event) {
        return f.invoke(event.toJson(), TestLambdaContext.of(GiftOrderFixture.FUNCTION));
    }
}
