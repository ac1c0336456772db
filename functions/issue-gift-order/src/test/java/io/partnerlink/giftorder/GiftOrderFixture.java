package io.partnerlink.giftorder;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.testsupport.ShippedJar;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestClock;
import io.partnerlink.testsupport.TestLambdaContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * One issue-gift-order function wired to real parts: DynamoDB Local (its own table), moto (its own secret) and a
 * WireMock vektor-adv with the catalogue below, a token endpoint and an order endpoint that accepts.
 */
public final class GiftOrderFixture implements AutoCloseable {

    public static final String FUNCTION = "issue-gift-order";
    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = "test-secret-" + UUID.randomUUID();
    public static final String HOFF = "1C730E2D-2323-46B7-8204-DDC7200B4976";
    public static final String LETUAL = "0B6D23C8-9019-41DA-A34D-1A12B038742D";
    /** Prices a double cannot hold exactly: 3 × 1099.99 must be 3299.97, and 12345678901234567.89 must survive. */
    public static final String DECIMAL = "A25714EA-F9E6-4D53-94FC-6F9D0587BB9D";
    public static final String HUGE = "53AF1480-1D33-41CA-A08E-0BDC4BD318D6";
    public static final String CATALOGUE = """
            [{"id":"%s","vendor":"Хофф","unit":"rub","value":1000,"price":1100},
             {"id":"%s","vendor":"Л'Этуаль","unit":"month","value":1,"price":500},
             {"id":"%s","vendor":"Decimal","unit":"rub","value":0.1,"price":1099.99},
             {"id":"%s","vendor":"Huge","unit":"rub","value":1,"price":12345678901234567.89}]
            """.formatted(HOFF, LETUAL, DECIMAL, HUGE);

    /** The sandbox the local runner serves, and the demo credentials it puts in the secret. */
    public static final Path SANDBOX = Path.of("../../infra/local/sandboxes/vektor");
    public static final String DEMO_CREDENTIALS = "{\"clientId\":\"demo-client\",\"clientSecret\":\"demo-secret\"}";

    public final LocalAws aws = LocalAws.get();
    public final PartnerSandbox vektor;
    public final String table = "gift-orders-" + UUID.randomUUID();
    public final String secretId = "vektor/" + UUID.randomUUID();
    public final ApplicationContext context;
    /** The handler from target/classes, or from the shipped jar when {@link ShippedJar#selected()}. */
    public final RequestStreamHandler handler;
    public final TestClock clock;

    public GiftOrderFixture() {
        this(Map.of());
    }

    public GiftOrderFixture(Map<String, Object> extra) {
        this(PartnerSandbox.start(), "{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"" + CLIENT_SECRET + "\"}", extra);
        stubToken("token-1", 3600);
        stubCatalogue(CATALOGUE);
        stubOrders(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"status\":\"accepted\"}"));
    }

    /** The function against the local runner's vektor sandbox mappings, with the demo credentials. */
    public static GiftOrderFixture onSandbox() {
        return new GiftOrderFixture(PartnerSandbox.fromMappings(SANDBOX), DEMO_CREDENTIALS, Map.of());
    }

    private GiftOrderFixture(PartnerSandbox vektor, String credentials, Map<String, Object> extra) {
        this.vektor = vektor;
        aws.createIdempotencyTable(table);
        aws.putSecret(secretId, credentials);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "idempotency.table", table,
                "vektor.base-url", vektor.baseUrl(),
                "vektor.secret-id", secretId,
                "partner.retry.base-delay", "10ms",
                "partner.retry.max-delay", "40ms",
                "micronaut.http.services.vektor.read-timeout", "2s"));
        properties.putAll(extra);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        handler = ShippedJar.selected() ? ShippedJar.handler(GiftOrderHandler.class, properties) : new GiftOrderHandler(context);
        clock = context.getBean(TestClock.class);
    }

    public void stubToken(String token, int expiresIn) {
        vektor.wireMock().stubFor(post(urlEqualTo("/connect/token"))
                .withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                        + ",\"token_type\":\"Bearer\",\"scope\":\"external-api\"}")));
    }

    public void stubCatalogue(String json) {
        vektor.wireMock().stubFor(get(urlEqualTo("/api/certificates")).willReturn(okJson(json)));
    }

    public void stubOrders(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        vektor.wireMock().stubFor(post(urlEqualTo("/api/orders")).willReturn(answer));
    }

    public void stub(MappingBuilder mapping) {
        vektor.wireMock().stubFor(mapping);
    }

    public static String order(String certificateId, int quantity) {
        return """
                {"customer":{"email":"anna@example.com","name":"Anna Petrova","phone":"+79251153242"},
                 "certificates":[{"id":"%s","quantity":%d}],"reference":"shop-order-17"}
                """.formatted(certificateId, quantity);
    }

    public HttpAnswer placeOrder(String key, String body) {
        return placeOrder(key, body, TestLambdaContext.of(FUNCTION));
    }

    public HttpAnswer placeOrder(String key, String body, TestLambdaContext lambda) {
        ApiEvents event = ApiEvents.request("POST", "/gift-orders").json(body);
        if (key != null) {
            event.header("Idempotency-Key", key);
        }
        return invoke(event.toJson(), lambda);
    }

    public HttpAnswer listCertificates() {
        return invoke(ApiEvents.request("GET", "/gift-certificates").toJson(), TestLambdaContext.of(FUNCTION));
    }

    public HttpAnswer invoke(String event, TestLambdaContext lambda) {
        return HttpAnswer.parse(FunctionInvoker.invoke(handler, event, lambda));
    }

    public int calls(RequestPatternBuilder pattern) {
        return vektor.count(pattern);
    }

    public int orderCalls() {
        return calls(postRequestedFor(urlEqualTo("/api/orders")));
    }

    public int tokenCalls() {
        return calls(postRequestedFor(urlEqualTo("/connect/token")));
    }

    public int partnerCalls() {
        return vektor.wireMock().getAllServeEvents().size();
    }

    /**
     * The orderId the function derives for this key (as the test caller owns it) and body (the parsed body, as its payload hash is taken).
     * Tests that must not trust the derivation compare the ids the partner received instead.
     */
    public String orderIdFor(String key, String body) {
        ApiRequest request = new ApiRequest("POST /gift-orders", Map.of(), Map.of("content-type", "application/json"),
                Map.of(), body.getBytes(StandardCharsets.UTF_8), "test", null, null);
        JsonBodies bodies = context.getBean(JsonBodies.class);
        return context.getBean(GiftOrders.class).orderId(ApiEvents.ownedByTestCaller(key), bodies.write(bodies.read(request, GiftOrderRequest.class))).toString();
    }

    /** The orderIds of every order request the partner received, in order. */
    public List<String> orderIdsSent() {
        return vektor.wireMock().findAll(postRequestedFor(urlEqualTo("/api/orders"))).stream()
                .map(r -> HttpAnswerJson.field(r.getBodyAsString(), "orderId")).toList();
    }

    public List<Map<String, AttributeValue>> records() {
        return aws.scan(table);
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        ShippedJar.close(handler, context);
        vektor.close();
    }
}
