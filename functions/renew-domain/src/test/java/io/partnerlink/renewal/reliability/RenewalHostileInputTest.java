package io.partnerlink.renewal.reliability;

import io.partnerlink.renewal.RenewalRoutes;
import io.partnerlink.renewal.RenewalTestBed;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HostileJson;
import io.partnerlink.testsupport.HostileJson.Field;
import io.partnerlink.testsupport.HostileJson.Kind;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LogCapture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile input on {@code POST /domains/{domain}/renewals} (issue 9, item 5): generated bodies, and generated sets of
 * path name, Idempotency-Key and content type, each invalid by construction. Every one is a 400
 * {@code application/problem+json} naming no internals, with no .ART call and no DynamoDB write. The checks run in
 * the route's order (name, key, body), so the expected problem type is exact. The body is optional: an empty one is
 * a valid request and is not generated.
 */
class RenewalHostileInputTest {

    static final String NAME = "hostile.art";
    static final String VALID = "{\"period\":12,\"dryRun\":false}";
    static final HostileJson SHAPE = new HostileJson(VALID, List.of(
            Field.optional("period", Kind.INTEGER), Field.optional("dryRun", Kind.BOOLEAN)));

    static RenewalTestBed bed;
    static LogCapture logs;
    static final AtomicInteger KEYS = new AtomicInteger();
    static final Map<String, Integer> TRIED = new LinkedHashMap<>();

    @BeforeContainer
    static void start() {
        logs = LogCapture.attach();
        bed = OnDemandBeds.holding(Map.of(), NAME);
    }

    @AfterContainer
    static void stop() {
        bed.close();
        CleanAnswers.assertNoSecretLogged(logs);
        logs.close();
        System.out.println("hostile input POST /domains/{domain}/renewals: " + TRIED);
    }

    @Example
    void theValidRequestTheDefectsStartFromIsOrdered() {
        HttpAnswer answer = bed.renew(event(NAME, "valid-base", "application/json").rawBody(VALID));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(1, bed.ordersPlacedFor(NAME));
    }

    /**
     * Issue 14: numbers out of range or with a fraction, control characters and look-alikes in the name, a content
     * type with a control character, and two keys joined by API Gateway; each a 400 with no .ART call and no write.
     */
    @Example
    void outOfRangeNumbersControlCharactersAndLookAlikesAreRefused() {
        for (String body : List.of("{\"period\":1e309}", "{\"period\":-1e309}", "{\"period\":1e1000000}",
                "{\"period\":1E+2147483648}", "{\"period\":12.0000000000000000001}", "{\"period\":1.0000000000000000001}")) {
            HttpAnswer answer = refusedWithoutEffect(event(NAME, "number-" + KEYS.incrementAndGet(), "application/json").rawBody(body));
            assertEquals("validation-failed", answer.problemType(), body + " -> " + answer.body());
        }
        for (String name : List.of("hostile.art\u0000", "hostile.art%00", "\u2215etc.art", "%E2%88%95etc.art", "hostile\uFF0Eart",
                "hostile\u3002art", "hos\u200Btile.art", "hos\u00ADtile.art", "hostile%252Eart", "\uFF48ostile.art", "fa\u00DF.art",
                "hos\u200Dtile.art", "\u202Ehostile.art")) {
            HttpAnswer answer = refusedWithoutEffect(event(name, "name-" + KEYS.incrementAndGet(), "application/json").rawBody(VALID));
            assertEquals("validation-failed", answer.problemType(), name + " -> " + answer.body());
        }
        for (String contentType : List.of("application/json\u0000", "application/json\u000b", "application/json\u200B")) {
            HttpAnswer answer = refusedWithoutEffect(event(NAME, "type-" + KEYS.incrementAndGet(), contentType).rawBody(VALID));
            assertEquals("validation-failed", answer.problemType(), answer.body());
        }
        HttpAnswer joined = refusedWithoutEffect(event(NAME, "key-one,key-two", "application/json").rawBody(VALID));
        assertEquals("idempotency-key-required", joined.problemType(), joined.body());
    }

    /** Issue 14: a header or query name over Jackson's 50,000-character limit is a 400, as in the other functions. */
    @Example
    void overLongHeaderAndQueryNamesAreRefused() {
        String longName = "x".repeat(50_001);
        HttpAnswer header = refusedWithoutEffect(event(NAME, "long-" + KEYS.incrementAndGet(), "application/json")
                .header(longName, "1").rawBody(VALID));
        assertEquals("validation-failed", header.problemType(), header.body());
        HttpAnswer query = refusedWithoutEffect(event(NAME, "long-" + KEYS.incrementAndGet(), "application/json")
                .query(longName, "1").rawBody(VALID));
        assertEquals("validation-failed", query.problemType(), query.body());
    }

    @Property(tries = 1000)
    void hostileBodiesAreRefusedWithAProblemAndReachNothing(@ForAll("bodies") HostileJson.Body body) {
        Statistics.collect(body.category());
        count("body: " + body.category());
        ApiEvents event = event(NAME, "hostile-" + KEYS.incrementAndGet(), "application/json");
        if (body.base64()) {
            event.base64Body(body.eventBody());
        } else {
            event.rawBody(body.eventBody());
        }
        HttpAnswer answer = refusedWithoutEffect(event);
        assertEquals("validation-failed", answer.problemType(), body + " -> " + answer.body());
    }

    @Property(tries = 1000)
    void hostileNamesKeysAndContentTypesAreRefusedWithAProblemAndReachNothing(@ForAll("requests") Request request) {
        Statistics.collect(request.defect());
        count("request: " + request.defect());
        ApiEvents event = event(request.name(), request.key(), request.contentType()).rawBody(VALID);
        request.noise().forEach(event::header);
        HttpAnswer answer = refusedWithoutEffect(event);
        assertEquals(request.defect().equals("Idempotency-Key") ? "idempotency-key-required" : "validation-failed",
                answer.problemType(), request + " -> " + answer.body());
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<HostileJson.Body> bodies() {
        return SHAPE.bodies().filter(b -> b.bytes().length > 0);
    }

    /** A request with at least one defect; {@code defect} names the first one the route meets. */
    record Request(String defect, String name, String key, String contentType, Map<String, String> noise) {
    }

    static final List<String> BAD_NAMES = List.of("", " ", "example.com", "example", ".art", "art", "example.art.", "-bad.art",
            "bad-.art", "a..art", "sub.example.art", "ex_ample.art", "exa mple.art", "ab--cd.art", "%2e%2e", "../x.art", "%00.art",
            "x%zz.art", "example.art/renewals", "example.art?x=1", "example.art#x", "exam\u0000ple.art", "a".repeat(64) + ".art",
            "x".repeat(300) + ".art", "example.a\u0433t", "example.arts", "*.art", "example.art;rm", "'or'1'='1.art");

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> badName = Arbitraries.oneOf(Arbitraries.of(BAD_NAMES),
                Arbitraries.strings().withChars("abcxyz0123456789-_!@/\\:;,?#[]{}<>|^`'\"=+&$").ofMinLength(1).ofMaxLength(70)
                        .filter(s -> s.chars().anyMatch(c -> "_!@/\\:;,?#[]{}<>|^`'\"=+&$".indexOf(c) >= 0)).map(s -> s + ".art"),
                Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
                        Arbitraries.of(".com", ".ar", ".org", ".art.com", "")).as((label, tld) -> label + tld));
        Arbitrary<String> goodName = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(30)
                .map(s -> s + ".art");
        Arbitrary<String> badKey = Arbitraries.oneOf(Arbitraries.of("", "\u0000", "a\nb", "key-1,key-2", "ключ", "k\u0435y", "😀", "x".repeat(256)),
                Arbitraries.strings().withChars('\u0080', '\uffff').ofMinLength(1).ofMaxLength(40));
        // no comma: API Gateway joins two Idempotency-Key headers with one, so a key with a comma is refused (issue 14)
        Arbitrary<String> goodKey = Arbitraries.strings().withCharRange('!', '+').withCharRange('-', '~').ofMinLength(1).ofMaxLength(255);
        Arbitrary<String> badContentType = Arbitraries.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/jsonp", "text/json").injectNull(0.2);
        Arbitrary<String> contentType = Arbitraries.oneOf(badContentType, Arbitraries.of("application/json", "application/json; charset=utf-8"));
        Arbitrary<Map<String, String>> noise = Arbitraries.maps(Arbitraries.of("x-forwarded-for", "user-agent", "authorization"),
                Arbitraries.strings().ofMaxLength(300)).ofMaxSize(2);
        Arbitrary<Request> nameDefect = Combinators.combine(badName, Arbitraries.oneOf(goodKey, badKey), contentType, noise)
                .as((n, k, ct, z) -> new Request("domain", n, k, ct, z));
        Arbitrary<Request> keyDefect = Combinators.combine(goodName, Arbitraries.oneOf(badKey, Arbitraries.just((String) null)), contentType, noise)
                .as((n, k, ct, z) -> new Request("Idempotency-Key", n, k, ct, z));
        Arbitrary<Request> contentDefect = Combinators.combine(goodName, goodKey, badContentType, noise)
                .as((n, k, ct, z) -> new Request("Content-Type", n, k, ct, z));
        return Arbitraries.oneOf(nameDefect, keyDefect, contentDefect);
    }

    // ------------------------------------------------------------------ the checks

    static ApiEvents event(String name, String key, String contentType) {
        ApiEvents event = ApiEvents.request("POST", "/domains/" + name + "/renewals").route(RenewalRoutes.RENEW).pathParameter("domain", name);
        if (key != null) {
            event.header("Idempotency-Key", key);
        }
        if (contentType != null) {
            event.header("Content-Type", contentType);
        }
        return event;
    }

    static HttpAnswer refusedWithoutEffect(ApiEvents event) {
        int artCalls = OnDemandBeds.artCalls(bed);
        int writes = AwsCalls.count("PutItem") + AwsCalls.count("DeleteItem");
        HttpAnswer answer = bed.renew(event);
        CleanAnswers.assertProblem(answer, 400, answer.problemType());
        assertEquals(artCalls, OnDemandBeds.artCalls(bed), "no .ART call");
        assertEquals(writes, AwsCalls.count("PutItem") + AwsCalls.count("DeleteItem"), "no DynamoDB write");
        return answer;
    }

    static synchronized void count(String what) {
        TRIED.merge(what, 1, Integer::sum);
    }
}
