package io.partnerlink.giftorder.reliability;

import io.partnerlink.giftorder.GiftOrderFixture;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HostileJson;
import io.partnerlink.testsupport.HostileJson.Field;
import io.partnerlink.testsupport.HostileJson.Kind;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.TestLambdaContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile input on {@code POST /gift-orders} (issue 9, item 5): generated bodies and header sets, each invalid by
 * construction. Every one is a 400 {@code application/problem+json} naming no internals, with no vektor-adv call and
 * no DynamoDB write. The untouched valid request is shown to succeed, so the refusals are the defects' doing.
 */
class GiftOrderHostileInputTest {

    static final String VALID = """
            {"customer":{"email":"anna@example.com","name":"Anna Petrova","phone":"+79251153242"},
             "certificates":[{"id":"%s","quantity":2}],"reference":"shop-order-17","expectedTotal":2200}
            """.formatted(HOFF);
    static final HostileJson SHAPE = new HostileJson(VALID, List.of(
            Field.required("customer", Kind.OBJECT),
            Field.string("customer.email", true, 254, false),
            Field.string("customer.name", false, 200, false),
            Field.string("customer.phone", false, 21, true),
            Field.required("certificates", Kind.ARRAY),
            Field.required("certificates[0]", Kind.OBJECT),
            Field.string("certificates[0].id", true, 36, true),
            Field.required("certificates[0].quantity", Kind.INTEGER),
            Field.string("reference", false, 100, false),
            Field.optional("expectedTotal", Kind.NUMBER)));

    static GiftOrderFixture f;
    static LogCapture logs;
    static final AtomicInteger KEYS = new AtomicInteger();
    static final Map<String, Integer> TRIED = new LinkedHashMap<>();

    @BeforeContainer
    static void start() {
        logs = LogCapture.attach();
        f = new GiftOrderFixture();
    }

    @AfterContainer
    static void stop() {
        f.close();
        CleanAnswers.assertNoSecretLogged(logs);
        logs.close();
        System.out.println("hostile input POST /gift-orders: " + TRIED);
    }

    @Example
    void theValidRequestTheDefectsStartFromIsPlaced() {
        HttpAnswer answer = send("valid-base", "application/json", VALID, false);
        assertEquals(201, answer.status(), answer.body());
        f.vektor.reset();
        f.stubToken("token-1", 3600);
        f.stubCatalogue(GiftOrderFixture.CATALOGUE);
    }

    /**
     * Issue 14: a whole number with a fraction however small, a decimal with more digits than it may keep, e-mails no
     * mail system can route without SMTPUTF8 or a TLD, and control characters in the content type: each a 400
     * with no partner call and no write.
     */
    @Example
    void fractionsExtraDigitsUnroutableEmailsAndControlCharactersAreRefused() {
        List<String> bodies = List.of(
                VALID.replace("\"quantity\":2", "\"quantity\":2.0000000000000000001"),
                VALID.replace("\"quantity\":2", "\"quantity\":1e309"),
                VALID.replace("\"quantity\":2", "\"quantity\":1E+2147483648"),
                VALID.replace("\"expectedTotal\":2200", "\"expectedTotal\":2200.0000000000000000001"),
                VALID.replace("\"expectedTotal\":2200", "\"expectedTotal\":1e309"),
                VALID.replace("anna@example.com", "\u0430nna@example.com"),
                VALID.replace("anna@example.com", "anna\u200B@example.com"),
                VALID.replace("anna@example.com", "anna@example"),
                VALID.replace("anna@example.com", "anna@\u0435xample.com"),
                VALID.replace("anna@example.com", "anna@example.com\u0000"));
        for (String body : bodies) {
            HttpAnswer answer = refusedWithoutEffect(() -> send("issue14-" + KEYS.incrementAndGet(), "application/json", body, false));
            assertEquals("validation-failed", answer.problemType(), body + " -> " + answer.body());
        }
        for (String contentType : List.of("application/json\u0000", "application/json\u000b")) {
            HttpAnswer answer = refusedWithoutEffect(() -> send("issue14-" + KEYS.incrementAndGet(), contentType, VALID, false));
            assertEquals("validation-failed", answer.problemType(), answer.body());
        }
        HttpAnswer joined = refusedWithoutEffect(() -> send("key-one,key-two", "application/json", VALID, false));
        assertEquals("idempotency-key-required", joined.problemType(), joined.body());
    }

    @Property(tries = 1000)
    void hostileBodiesAreRefusedWithAProblemAndReachNothing(@ForAll("bodies") HostileJson.Body body) {
        Statistics.collect(body.category());
        count("body: " + body.category());
        HttpAnswer answer = refusedWithoutEffect(() -> send("hostile-" + KEYS.incrementAndGet(), "application/json",
                body.eventBody(), body.base64()));
        assertEquals("validation-failed", answer.problemType(), body + " -> " + answer.body());
    }

    @Property(tries = 1000)
    void hostileHeaderSetsAreRefusedWithAProblemAndReachNothing(@ForAll("headerSets") HeaderSet headers) {
        Statistics.collect(headers.keyDefect() != null ? "Idempotency-Key" : "Content-Type");
        count("headers: " + (headers.keyDefect() != null ? "Idempotency-Key" : "Content-Type"));
        HttpAnswer answer = refusedWithoutEffect(() -> f.invoke(headers.event(VALID).toJson(), TestLambdaContext.of(GiftOrderFixture.FUNCTION)));
        // The key is checked first; a request with a good key and a bad content type is refused for the latter.
        assertEquals(headers.keyDefect() != null ? "idempotency-key-required" : "validation-failed", answer.problemType(),
                headers + " -> " + answer.body());
    }

    /**
     * {@code GET /gift-certificates} takes no input: whatever body and headers come with it are ignored, the answer is
     * the (cached) catalogue, and the partner is not called again.
     */
    @Property(tries = 1000)
    void theCatalogueRouteIgnoresHostileBodiesAndHeaders(@ForAll("bodies") HostileJson.Body body, @ForAll("headerSets") HeaderSet headers) {
        count("catalogue route: body and headers");
        HttpAnswer warm = f.listCertificates();
        assertEquals(200, warm.status(), warm.body());
        int partnerCalls = f.partnerCalls();
        ApiEvents event = headers.event(body.eventBody());
        String json = event.toJson().replace("\"routeKey\":\"POST /gift-orders\"", "\"routeKey\":\"GET /gift-certificates\"");
        HttpAnswer answer = f.invoke(body.base64() ? json.replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true") : json,
                TestLambdaContext.of(GiftOrderFixture.FUNCTION));
        CleanAnswers.assertClean(answer);
        assertEquals(warm.body(), answer.body(), body + " / " + headers);
        assertEquals(partnerCalls, f.partnerCalls(), "served from the cache");
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<HostileJson.Body> bodies() {
        return SHAPE.bodies();
    }

    /** A header set: an Idempotency-Key defect, a Content-Type defect, or both, plus harmless noise headers. */
    record HeaderSet(String keyDefect, String key, String contentType, Map<String, String> noise) {

        ApiEvents event(String body) {
            ApiEvents event = ApiEvents.request("POST", "/gift-orders").rawBody(body);
            noise.forEach(event::header);
            if (key != null) {
                event.header("Idempotency-Key", key);
            }
            if (contentType != null) {
                event.header("Content-Type", contentType);
            }
            return event;
        }
    }

    static final List<String> BAD_KEYS = List.of("", "\u0000", "a\nb", "key-1,key-2", "tab\there", "ключ-1", "k\u0435y-1", "key\u200b", "😀",
            "\u007f", "x".repeat(256), "y".repeat(10_000), "caf\u00e9");
    static final List<String> BAD_CONTENT_TYPES = List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/jsonp", "application/json-patch+json", "json", "application/j\u0455on",
            "text/json", "application/*", "*/*");

    @Provide
    Arbitrary<HeaderSet> headerSets() {
        Arbitrary<String> badKey = Arbitraries.oneOf(Arbitraries.of(BAD_KEYS),
                Arbitraries.strings().withChars('\u0080', '\uffff').ofMinLength(1).ofMaxLength(40));
        // no comma: API Gateway joins two Idempotency-Key headers with one, so a key with a comma is refused (issue 14)
        Arbitrary<String> goodKey = Arbitraries.strings().withCharRange('!', '+').withCharRange('-', '~').ofMinLength(1).ofMaxLength(255);
        Arbitrary<Map<String, String>> noise = Arbitraries.maps(Arbitraries.of("x-forwarded-for", "user-agent", "accept", "x-amzn-trace-id",
                "cookie", "authorization", "x-request-id"), Arbitraries.strings().ofMaxLength(2000)).ofMaxSize(4);
        Arbitrary<Tuple.Tuple2<String, String>> key = Arbitraries.oneOf(
                badKey.map(k -> Tuple.of("bad", k)), Arbitraries.just(Tuple.of("absent", (String) null)),
                goodKey.map(k -> Tuple.of((String) null, k)));
        Arbitrary<String> contentType = Arbitraries.oneOf(Arbitraries.of(BAD_CONTENT_TYPES), Arbitraries.just((String) null),
                Arbitraries.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON"));
        return Combinators.combine(key, contentType, noise).as((k, ct, n) -> new HeaderSet(k.get1(), k.get2(), ct, n))
                .filter(h -> h.keyDefect() != null || !isJson(h.contentType()));
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim().equals("application/json");
    }

    // ------------------------------------------------------------------ the checks

    static HttpAnswer send(String key, String contentType, String body, boolean base64) {
        ApiEvents event = ApiEvents.request("POST", "/gift-orders").header("Idempotency-Key", key).header("Content-Type", contentType);
        if (base64) {
            event.base64Body(body);
        } else {
            event.rawBody(body);
        }
        return f.invoke(event.toJson(), TestLambdaContext.of(GiftOrderFixture.FUNCTION));
    }

    static HttpAnswer refusedWithoutEffect(java.util.function.Supplier<HttpAnswer> request) {
        int partnerCalls = f.partnerCalls();
        int writes = AwsCalls.count("PutItem") + AwsCalls.count("DeleteItem");
        HttpAnswer answer = request.get();
        CleanAnswers.assertProblem(answer, 400, answer.problemType());
        assertEquals(partnerCalls, f.partnerCalls(), "no partner call");
        assertEquals(writes, AwsCalls.count("PutItem") + AwsCalls.count("DeleteItem"), "no DynamoDB write");
        return answer;
    }

    static synchronized void count(String what) {
        TRIED.merge(what, 1, Integer::sum);
    }
}
