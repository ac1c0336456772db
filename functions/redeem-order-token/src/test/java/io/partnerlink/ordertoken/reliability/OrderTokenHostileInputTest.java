package io.partnerlink.ordertoken.reliability;

import io.partnerlink.ordertoken.OrderTokenFixture;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HostileJson;
import io.partnerlink.testsupport.HostileJson.Field;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Json;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.TestLambdaContext;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile input on {@code POST /vitec/order-tokens} (issue 9, item 5). Hostile bodies arrive correctly signed (over
 * their exact bytes), so they meet the body checks: a 400 {@code validation-failed}. Hostile header sets carry at
 * least one defect: any signature defect is a 401 {@code signature-invalid} (checked first), otherwise the content
 * type's 400. Never a Vitec call, never a DynamoDB write, always a clean {@code application/problem+json}.
 */
class OrderTokenHostileInputTest {

    static final String TOKEN = "valid-order-token-0123456789";
    static final String VALID = "{\"customerId\":\"M100\",\"token\":\"" + TOKEN + "\"}";
    static final HostileJson SHAPE = new HostileJson(VALID, List.of(
            Field.string("customerId", true, 64, true),
            Field.string("token", true, 4096, false)));

    static OrderTokenFixture f;
    static LogCapture logs;
    static final Map<String, Integer> TRIED = new LinkedHashMap<>();

    @BeforeContainer
    static void start() {
        logs = LogCapture.attach();
        Leaks.watch(TOKEN);
        f = new OrderTokenFixture();
        f.stub(post(urlPathMatching("/Service/Order/Token/.*"))
                .willReturn(okJson("{\"orderId\":\"O-1\",\"customerId\":\"M100\",\"hasExpired\":false}")));
    }

    @AfterContainer
    static void stop() {
        f.close();
        CleanAnswers.assertNoSecretLogged(logs);
        logs.close();
        System.out.println("hostile input POST /vitec/order-tokens: " + TRIED);
    }

    @Example
    void theValidDeliveryTheDefectsStartFromIsRedeemed() {
        int calls = f.vitecCalls();
        HttpAnswer answer = f.deliver(VALID);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(calls + 1, f.vitecCalls());
    }

    /** Issue 14: a token of only Unicode white space, or with an invisible or control character, is refused. */
    @Example
    void whiteSpaceOnlyAndInvisibleTokensAreRefused() {
        for (String token : List.of("\u3000\u3000", "\u00A0", "\u3000\u00A0\u2007\u202F", "tok\u200Ben", "tok\u0000en", "\u2028")) {
            String body = "{\"customerId\":\"M100\",\"token\":\"" + token + "\"}";
            long now = f.now();
            ApiEvents event = ApiEvents.request("POST", OrderTokenFixture.ROUTE_PATH).header("Content-Type", "application/json")
                    .header("X-Timestamp", Long.toString(now))
                    .header("X-Signature", "sha256=" + hmac(OrderTokenFixture.SIGNING_SECRET, Long.toString(now), body.getBytes(StandardCharsets.UTF_8)))
                    .rawBody(body);
            HttpAnswer answer = refusedWithoutEffect(event, 400);
            assertEquals("validation-failed", answer.problemType(), token.codePoints().mapToObj(Integer::toHexString).toList() + " -> " + answer.body());
        }
    }

    @Property(tries = 1000)
    void hostileBodiesAreRefusedWithAProblemAndReachNothing(@ForAll("bodies") HostileJson.Body body) {
        Statistics.collect(body.category());
        count("body: " + body.category());
        long now = f.now();
        ApiEvents event = ApiEvents.request("POST", OrderTokenFixture.ROUTE_PATH).header("Content-Type", "application/json")
                .header("X-Timestamp", Long.toString(now))
                .header("X-Signature", "sha256=" + hmac(OrderTokenFixture.SIGNING_SECRET, Long.toString(now), body.bytes()));
        if (body.base64()) {
            event.base64Body(body.eventBody());
        } else {
            event.rawBody(body.eventBody());
        }
        HttpAnswer answer = refusedWithoutEffect(event, 400);
        assertEquals("validation-failed", answer.problemType(), body + " -> " + answer.body());
    }

    @Property(tries = 1000)
    void hostileHeaderSetsAreRefusedWithAProblemAndReachNothing(@ForAll("headerSets") HeaderSet headers) {
        Statistics.collect(headers.defect());
        count("headers: " + headers.defect().split(":")[0]);
        HttpAnswer answer = refusedWithoutEffect(headers.event(f.now()), headers.signatureDefect() ? 401 : 400);
        assertEquals(headers.signatureDefect() ? "signature-invalid" : "validation-failed", answer.problemType(),
                headers + " -> " + answer.body());
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<HostileJson.Body> bodies() {
        return SHAPE.bodies();
    }

    /**
     * Headers for the valid body: the timestamp and the signature each derived from the current time (so a generated
     * set stays what it claims to be whenever it runs), a content type, and harmless noise.
     */
    record HeaderSet(String defect, boolean signatureDefect, LongFunction<String> timestamp, SignatureMaker signature,
                     String contentType, Map<String, String> noise) {

        ApiEvents event(long now) {
            ApiEvents event = ApiEvents.request("POST", OrderTokenFixture.ROUTE_PATH).rawBody(VALID);
            noise.forEach(event::header);
            String ts = timestamp.apply(now);
            if (ts != null) {
                event.header("X-Timestamp", ts);
            }
            String sig = signature.make(ts == null ? Long.toString(now) : ts);
            if (sig != null) {
                event.header("X-Signature", sig);
            }
            if (contentType != null) {
                event.header("Content-Type", contentType);
            }
            return event;
        }

        @Override
        public String toString() {
            return defect + " (content type " + contentType + ", noise " + noise.keySet() + ")";
        }
    }

    interface SignatureMaker {
        String make(String timestamp);
    }

    record Defect(String name, LongFunction<String> timestamp, SignatureMaker signature) {
    }

    static String good(String timestamp) {
        return "sha256=" + hmac(OrderTokenFixture.SIGNING_SECRET, timestamp, VALID.getBytes(StandardCharsets.UTF_8));
    }

    static final LongFunction<String> NOW = Long::toString;

    @Provide
    Arbitrary<HeaderSet> headerSets() {
        Arbitrary<Defect> signatureDefects = Arbitraries.oneOf(
                Arbitraries.of(
                        new Defect("timestamp: absent", now -> null, OrderTokenHostileInputTest::good),
                        new Defect("signature: absent", NOW, ts -> null),
                        new Defect("signature: both absent", now -> null, ts -> null),
                        new Defect("timestamp: milliseconds", now -> Long.toString(now * 1000), OrderTokenHostileInputTest::good),
                        new Defect("signature: sha1 scheme", NOW, ts -> good(ts).replace("sha256=", "sha1=")),
                        new Defect("signature: upper-case scheme", NOW, ts -> good(ts).replace("sha256=", "SHA256=")),
                        new Defect("signature: look-alike scheme", NOW, ts -> good(ts).replace("sha256=", "\u0455ha256=")),
                        new Defect("signature: no scheme", NOW, ts -> good(ts).substring("sha256=".length())),
                        new Defect("signature: short", NOW, ts -> good(ts).substring(0, good(ts).length() - 1)),
                        new Defect("signature: long", NOW, ts -> good(ts) + "0"),
                        new Defect("signature: two values", NOW, ts -> good(ts) + "," + good(ts)),
                        new Defect("signature: other secret", NOW, ts -> "sha256=" + hmac("not-the-secret", ts, VALID.getBytes(StandardCharsets.UTF_8))),
                        new Defect("signature: other body", NOW, ts -> "sha256=" + hmac(OrderTokenFixture.SIGNING_SECRET, ts,
                                VALID.replace("M100", "M101").getBytes(StandardCharsets.UTF_8))),
                        new Defect("signature: body without timestamp", NOW, ts -> "sha256=" + hmacText(OrderTokenFixture.SIGNING_SECRET, VALID)),
                        new Defect("signature: other timestamp", NOW, ts -> good(Long.toString(Long.parseLong(ts) - 1)))),
                Arbitraries.longs().between(301, 10_000_000).map(age -> new Defect("timestamp: stale by " + age + " s",
                        now -> Long.toString(now - age), OrderTokenHostileInputTest::good)),
                Arbitraries.longs().between(61, 10_000_000).map(ahead -> new Defect("timestamp: ahead by " + ahead + " s",
                        now -> Long.toString(now + ahead), OrderTokenHostileInputTest::good)),
                Arbitraries.of("", " ", "abc", "1.5", "-5", "0x10", "1e9", "\u0661\u0667\u0663\u0665", "9".repeat(13), "now")
                        .flatMap(bad -> Arbitraries.of(true, false).filter(whole -> whole || !bad.isEmpty())
                                .map(whole -> new Defect("timestamp: malformed " + Json.quote(bad) + (whole ? "" : " after the time"),
                                        now -> whole ? bad : now + bad, OrderTokenHostileInputTest::good))),
                Arbitraries.strings().withChars("0123456789abcdefABCDEFxyz=").ofMinLength(0).ofMaxLength(80)
                        .map(s -> new Defect("signature: random " + s, NOW, ts -> "sha256=" + s)));
        Arbitrary<Map<String, String>> noise = Arbitraries.maps(Arbitraries.of("x-forwarded-for", "user-agent", "x-amzn-trace-id",
                "authorization", "idempotency-key", "x-signature-256"), Arbitraries.strings().ofMaxLength(500)).ofMaxSize(3);
        Arbitrary<String> goodContentType = Arbitraries.of("application/json", "application/json; charset=utf-8", "Application/JSON");
        Arbitrary<String> badContentType = Arbitraries.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/jsonp", "text/json", "*/*").injectNull(0.15);
        Arbitrary<HeaderSet> badSignature = Combinators.combine(signatureDefects, Arbitraries.oneOf(goodContentType, badContentType), noise)
                .as((d, ct, n) -> new HeaderSet(d.name(), true, d.timestamp(), d.signature(), ct, n));
        Arbitrary<HeaderSet> badContent = Combinators.combine(badContentType, noise)
                .as((ct, n) -> new HeaderSet("content type: " + ct, false, NOW, OrderTokenHostileInputTest::good, ct, n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, badSignature), net.jqwik.api.Tuple.of(1, badContent));
    }

    // ------------------------------------------------------------------ the checks

    static HttpAnswer refusedWithoutEffect(ApiEvents event, int status) {
        int calls = f.vitecCalls();
        int writes = AwsCalls.count("PutItem") + AwsCalls.count("DeleteItem");
        HttpAnswer answer = HttpAnswer.parse(FunctionInvoker.invoke(f.handler, event.toJson(), TestLambdaContext.of("redeem-order-token")));
        CleanAnswers.assertProblem(answer, status, answer.problemType());
        assertEquals(calls, f.vitecCalls(), "no Vitec call");
        assertEquals(writes, AwsCalls.count("PutItem") + AwsCalls.count("DeleteItem"), "no DynamoDB write");
        return answer;
    }

    /** HMAC-SHA256 over {@code "<timestamp>.<body bytes>"}, computed here from the scheme's description. */
    static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacText(String secret, String text) {
        return OrderTokenFixture.hmac(secret, text);
    }

    static synchronized void count(String what) {
        TRIED.merge(what, 1, Integer::sum);
    }
}
