package io.partnerlink.renewal;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.partnerlink.testsupport.ShippedJar;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.art.ArtTimestamps;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestClock;
import io.partnerlink.testsupport.TestLambdaContext;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/**
 * The function as Lambda runs it, against WireMock (.ART), DynamoDB Local and moto: one table, one secret and one
 * sandbox per test; {@link #newHandler} adds a second "container" on the same table for concurrency tests.
 */
public final class RenewalTestBed implements AutoCloseable {

    public static final String API = "/api/v2";
    public static final String CLIENT_SECRET = "s3cret-client-4411";
    public static final String SECRET = "{\"clientId\":\"demo-client\",\"clientSecret\":\"" + CLIENT_SECRET + "\",\"whmcsApiKey\":\"whmcs-77\"}";
    public static final String SCHEDULED = "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
            + "\"account\":\"000000000000\",\"time\":\"2030-01-01T03:15:00Z\",\"region\":\"eu-north-1\",\"resources\":[],\"detail\":{}}";
    public static final String DRY_RUN = SCHEDULED.replace("\"detail\":{}", "\"detail\":{\"dryRun\":true}");
    public static final String ADDRESS = "{\"zip\":\"119602\",\"country\":\"RU\",\"state\":\"Moscow\",\"city\":\"Moscow\","
            + "\"line1\":\"Akademika Anokhina st.\",\"line2\":\"2k7\"}";
    public static final String CLIENT_CONTACT = "{\"language\":\"ru\",\"firstname\":\"Max\",\"lastname\":\"Pryakhin\","
            + "\"organization\":\"UKCI Holdings Limited\",\"vat\":\"GB004618015\",\"phone\":\"+7.4952584471\","
            + "\"email\":\"owner@example.art\",\"ethereum\":\"0x9e20\",\"address\":" + ADDRESS + "}";
    public static final Map<String, Object> DEFAULT_CONTACT = Map.of(
            "renewal.default-contact.language", "en", "renewal.default-contact.firstname", "Ops",
            "renewal.default-contact.lastname", "Team", "renewal.default-contact.phone", "+46.8123456",
            "renewal.default-contact.email", "domains@company.example", "renewal.default-contact.zip", "11122",
            "renewal.default-contact.country", "SE", "renewal.default-contact.city", "Stockholm",
            "renewal.default-contact.line1", "Main st. 1");

    public final LocalAws aws = LocalAws.get();
    public final String table = "renewals-" + UUID.randomUUID();
    public final String secretId = "art-" + UUID.randomUUID();
    public final PartnerSandbox art;
    public final Map<String, Object> properties = new HashMap<>();
    public final List<ApplicationContext> contexts = new ArrayList<>();
    private final List<RequestStreamHandler> handlers = new ArrayList<>();
    /** The handler from target/classes, or from the shipped jar when {@link ShippedJar#selected()}. */
    public final RequestStreamHandler handler;

    public RenewalTestBed(Map<String, Object> extra) {
        this(PartnerSandbox.start(), extra);
    }

    public RenewalTestBed(PartnerSandbox art, Map<String, Object> extra) {
        this.art = art;
        aws.createIdempotencyTable(table);
        aws.putSecret(secretId, SECRET);
        properties.putAll(Map.of("idempotency.table", table, "art.base-url", art.baseUrl() + API,
                "art.secret-id", secretId, "partner.retry.base-delay", "5ms"));
        properties.putAll(DEFAULT_CONTACT);
        properties.putAll(extra);
        handler = newHandler();
    }

    public RequestStreamHandler newHandler() {
        ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start();
        contexts.add(context);
        RequestStreamHandler handler = ShippedJar.selected() ? ShippedJar.handler(RenewDomainHandler.class, properties)
                : new RenewDomainHandler(context);
        handlers.add(handler);
        return handler;
    }

    public ApplicationContext context() {
        return contexts.get(0);
    }

    public TestClock clock() {
        return context().getBean(TestClock.class);
    }

    public JsonNode run(String event) {
        return run(handler, event);
    }

    public static JsonNode run(RequestStreamHandler handler, String event) {
        return HttpAnswer.tree(FunctionInvoker.invoke(handler, event, new TestLambdaContext("renew-domain", Duration.ofMinutes(5))));
    }

    public HttpAnswer renew(String domain, String key, String body) {
        ApiEvents event = ApiEvents.request("POST", "/domains/" + domain + "/renewals").route(RenewalRoutes.RENEW)
                .pathParameter("domain", domain);
        if (key != null) {
            event.header("Idempotency-Key", key);
        }
        if (body != null) {
            event.json(body);
        }
        return renew(event);
    }

    public HttpAnswer renew(ApiEvents event) {
        return HttpAnswer.parse(FunctionInvoker.invoke(handler, event.toJson(), TestLambdaContext.of("renew-domain")));
    }

    // ------------------------------------------------------------------ .ART stubs

    public static String expiresIn(Duration fromNow) {
        return ArtTimestamps.format(OffsetDateTime.now(ZoneOffset.UTC).plus(fromNow));
    }

    public static String domain(String name, String client, String expiredAt, int maxRenew, String... acl) {
        return "{\"_acl\":[" + quoted(acl) + "],\"id\":\"id-" + name + "\",\"client\":\"" + client + "\",\"idn\":\"" + name
                + "\",\"name\":\"" + name + "\",\"status\":\"active\",\"created_at\":\"2019-07-25T13:18:46+0000\","
                + "\"updated_at\":\"2019-07-25T13:18:46+0000\"," + (expiredAt == null ? "" : "\"expired_at\":\"" + expiredAt + "\",")
                + "\"max_renew\":" + maxRenew + ",\"nameservers\":[\"ns1.example.art\"],\"contact\":{\"firstname\":\"Max\","
                + "\"lastname\":\"Pryakhin\",\"organization\":\"UKCI\",\"phone\":\"+7.4952584471\",\"email\":\"owner@example.art\","
                + "\"address\":" + ADDRESS + "}}";
    }

    public static String order(String id, String status, String domain) {
        return "{\"_acl\":[\"update\"],\"id\":\"" + id + "\",\"client\":\"c-1\",\"invoice\":\"inv-" + id + "\",\"status\":\"" + status
                + "\",\"created_at\":\"2030-01-01T00:00:00+0000\",\"updated_at\":\"2030-01-01T00:00:00+0000\",\"items\":[{"
                + "\"service_type\":\"certificate_renewal\",\"domain\":\"" + domain + "\",\"promo\":\"\",\"quantity\":1,\"period\":12,"
                + "\"contact\":" + CLIENT_CONTACT + "}]}";
    }

    public static String page(String... items) {
        return "{\"total\":" + items.length + ",\"items\":[" + String.join(",", items) + "]}";
    }

    /** Token, an empty store, and orders accepted for every domain as {@code o-<name>} with invoice {@code inv-o-<name>}. */
    public RenewalTestBed withStore(String... domains) {
        stub(post(urlEqualTo(API + "/auth/token")).willReturn(okJson(token("tok-1", "ref-1"))));
        stub(get(urlPathEqualTo(API + "/store/domains")).willReturn(okJson(page(domains))));
        stub(get(urlPathEqualTo(API + "/store/orders")).willReturn(okJson(page())));
        stub(get(urlPathEqualTo(API + "/store/contacts")).willReturn(okJson(page())));
        for (String client : List.of("c-1", "c-2")) {
            stub(get(urlPathEqualTo(API + "/store/contacts")).withQueryParam("client", equalTo(client))
                    .willReturn(okJson(page(storeContact("k-" + client, client)))));
        }
        return this;
    }

    /** The client's store contact with the domains' contact e-mail ({@code owner@example.art}). */
    public static String storeContact(String id, String client) {
        return "{\"_acl\":[],\"id\":\"" + id + "\",\"client\":\"" + client + "\",\"status\":\"verified\"," + CLIENT_CONTACT.substring(1);
    }

    public static String token(String access, String refresh) {
        return "{\"token_type\":\"Bearer\",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":3600}";
    }

    /** .ART stops accepting tok-1 once the domains are listed: the next call (the open-order check) gets 401. */
    public void expireTokenAfterListing() {
        stub(get(urlPathEqualTo(API + "/store/orders")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
    }

    /** The token endpoint answers {@code grantType} with these tokens, first {@code first} then {@code then}. */
    public void signInTwice(String grantType, String first, String then) {
        stub(post(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo(grantType)))
                .inScenario(grantType).whenScenarioStateIs(STARTED)
                .willSetStateTo("again").willReturn(okJson(first)));
        stub(post(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo(grantType)))
                .inScenario(grantType).whenScenarioStateIs("again").willReturn(then.startsWith("{") ? okJson(then)
                        : aResponse().withStatus(Integer.parseInt(then))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_credentials\",\"messages\":[{\"message\":\"revoked\"}]}")));
    }

    public void acceptsOrder(String name, String orderId) {
        stub(post(urlEqualTo(API + "/store/orders")).withRequestBody(matchingJsonPath("$.items[0].domain", equalTo(name)))
                .willReturn(okJson("{\"id\":\"" + orderId + "\"}")));
        stub(get(urlEqualTo(API + "/store/orders/" + orderId)).willReturn(okJson(order(orderId, "unpaid", name))));
    }

    public void hasOpenOrder(String name, String orderId, String status) {
        stub(get(urlPathEqualTo(API + "/store/orders")).withQueryParam("domain", equalTo(name))
                .withQueryParam("status", equalTo(status)).willReturn(okJson(page(order(orderId, status, name)))));
    }

    public void stub(MappingBuilder mapping) {
        art.wireMock().stubFor(mapping);
    }

    public int ordersPlacedFor(String name) {
        return art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].domain", equalTo(name))));
    }

    public static String quoted(String... values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append(out.isEmpty() ? "" : ",").append('"').append(v).append('"');
        }
        return out.toString();
    }

    public static List<String> names(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.values().forEach(n -> out.add(n.get(field).getStringValue()));
        return out;
    }

    public static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(n -> out.add(n.getStringValue()));
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; i < contexts.size(); i++) {
            ShippedJar.close(handlers.get(i), contexts.get(i));
        }
        art.close();
    }
}
