package io.partnerlink.giftorder;

import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.LETUAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad input is a 400 naming the field, with no partner call and no idempotency record. */
class BadGiftOrderInputTest {

    static GiftOrderFixture f;

    @BeforeAll
    static void start() {
        f = new GiftOrderFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void nothingHappened() {
        assertEquals(0, f.partnerCalls(), "no call to the partner");
        assertEquals(0, f.records().size(), "no idempotency record");
    }

    static String withCustomer(String customer) {
        return "{\"customer\":" + customer + ",\"certificates\":[{\"id\":\"" + HOFF + "\",\"quantity\":1}]}";
    }

    static String withLines(String lines) {
        return "{\"customer\":{\"email\":\"a@example.com\"},\"certificates\":" + lines + "}";
    }

    static String line(String id, String quantity) {
        return "[{\"id\":" + id + ",\"quantity\":" + quantity + "}]";
    }

    static Stream<Arguments> badBodies() {
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> String.format(
                "{\"id\":\"00000000-0000-4000-8000-%012d\",\"quantity\":1}", i)).reduce((a, b) -> a + "," + b).orElseThrow();
        return Stream.of(
                arguments("malformed JSON", "{\"customer\":{\"email\":", "body"),
                arguments("not an object", "[1,2]", "body"),
                arguments("JSON null", "null", "body"),
                arguments("empty body", "", "body"),
                arguments("missing customer", "{\"certificates\":" + line("\"" + HOFF + "\"", "1") + "}", "customer"),
                arguments("missing certificates", "{\"customer\":{\"email\":\"a@example.com\"}}", "certificates"),
                arguments("missing email", withCustomer("{\"name\":\"Anna\"}"), "customer.email"),
                arguments("blank email", withCustomer("{\"email\":\" \"}"), "customer.email"),
                arguments("bad email", withCustomer("{\"email\":\"not-an-email\"}"), "customer.email"),
                arguments("email of the wrong type", withCustomer("{\"email\":{\"a\":1}}"), "customer.email"),
                arguments("customer of the wrong type", withCustomer("\"anna@example.com\""), "customer"),
                arguments("bad phone", withCustomer("{\"email\":\"a@example.com\",\"phone\":\"call me\"}"), "customer.phone"),
                arguments("unknown field", "{\"customer\":{\"email\":\"a@example.com\"},\"certificates\":"
                        + line("\"" + HOFF + "\"", "1") + ",\"discount\":10}", "discount"),
                arguments("unknown customer field", withCustomer("{\"email\":\"a@example.com\",\"adress\":\"x\"}"), "customer.adress"),
                arguments("unknown line field", withLines("[{\"id\":\"" + HOFF + "\",\"quantity\":1,\"qty\":2}]"), "certificates[0].qty"),
                arguments("empty list", withLines("[]"), "certificates"),
                arguments("list of the wrong type", withLines("\"" + HOFF + "\""), "certificates"),
                arguments("51 lines", withLines("[" + fiftyOne + "]"), "certificates"),
                arguments("null line", withLines("[null]"), "certificates[0]"),
                arguments("zero quantity", withLines(line("\"" + HOFF + "\"", "0")), "certificates[0].quantity"),
                arguments("negative quantity", withLines(line("\"" + HOFF + "\"", "-2")), "certificates[0].quantity"),
                arguments("quantity over 100", withLines(line("\"" + HOFF + "\"", "101")), "certificates[0].quantity"),
                arguments("quantity as text", withLines(line("\"" + HOFF + "\"", "\"two\"")), "certificates[0].quantity"),
                arguments("fractional quantity", withLines(line("\"" + HOFF + "\"", "1.5")), "certificates[0].quantity"),
                arguments("huge quantity", withLines(line("\"" + HOFF + "\"", "1e20")), "certificates[0].quantity"),
                arguments("quantity as boolean", withLines(line("\"" + HOFF + "\"", "true")), "certificates[0].quantity"),
                arguments("expected total as boolean", withLines(line("\"" + HOFF + "\"", "1")).replace("}]}",
                        "}],\"expectedTotal\":true}"), "expectedTotal"),
                arguments("expected total as text", withLines(line("\"" + HOFF + "\"", "1")).replace("}]}",
                        "}],\"expectedTotal\":\"1100\"}"), "expectedTotal"),
                arguments("reference as number", withLines(line("\"" + HOFF + "\"", "1")).replace("}]}",
                        "}],\"reference\":17}"), "reference"),
                arguments("missing quantity", withLines("[{\"id\":\"" + HOFF + "\"}]"), "certificates[0].quantity"),
                arguments("invalid UUID", withLines(line("\"1C730E2D-2323-46B7-8204\"", "1")), "certificates[0].id"),
                arguments("id of the wrong type", withLines(line("42", "1")), "certificates[0].id"),
                arguments("repeated certificate", withLines("[{\"id\":\"" + HOFF + "\",\"quantity\":1},{\"id\":\""
                        + HOFF.toLowerCase() + "\",\"quantity\":2}]"), "certificates[1].id"),
                arguments("negative expected total", withLines(line("\"" + HOFF + "\"", "1")).replace("}]}",
                        "}],\"expectedTotal\":-1}"), "expectedTotal"),
                arguments("reference too long", withLines(line("\"" + LETUAL + "\"", "1")).replace("}]}",
                        "}],\"reference\":\"" + "r".repeat(101) + "\"}"), "reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIs400NamingTheField(String name, String body, String field) {
        int puts = AwsCalls.count("PutItem");
        HttpAnswer answer = f.placeOrder("key-" + name.replace(' ', '-'), body);
        assertEquals(400, answer.status(), answer.body());
        assertEquals("validation-failed", answer.problemType(), answer.body());
        assertTrue(HttpAnswerJson.errorFields(answer).contains(field), "expected " + field + " in " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals(puts, AwsCalls.count("PutItem"), "no idempotency write");
    }

    @Test
    void aBodyOver64KiBIs400() {
        String padding = "x".repeat(70 * 1024);
        HttpAnswer answer = f.placeOrder("too-big", withCustomer("{\"email\":\"a@example.com\",\"name\":\"" + padding + "\"}"));
        assertEquals(400, answer.status());
        assertEquals(java.util.List.of("body"), HttpAnswerJson.errorFields(answer));
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIs400() {
        String event = ApiEvents.request("POST", "/gift-orders").header("Idempotency-Key", "k-text")
                .header("Content-Type", "text/plain").rawBody(withCustomer("{\"email\":\"a@example.com\"}")).toJson();
        HttpAnswer answer = f.invoke(event, TestLambdaContext.of(GiftOrderFixture.FUNCTION));
        assertEquals(400, answer.status());
        assertEquals(java.util.List.of("Content-Type"), HttpAnswerJson.errorFields(answer));
    }

    @Test
    void aMissingOrUnprintableIdempotencyKeyIs400() {
        String body = withCustomer("{\"email\":\"a@example.com\"}");
        for (String key : new String[] {null, "", "k".repeat(256), "ключ"}) {
            HttpAnswer answer = f.placeOrder(key, body);
            assertEquals(400, answer.status(), String.valueOf(key));
            assertEquals("idempotency-key-required", answer.problemType());
        }
    }

    @Test
    void anUnknownRouteIs404() {
        HttpAnswer answer = f.invoke(ApiEvents.request("DELETE", "/gift-orders").toJson(), TestLambdaContext.of(GiftOrderFixture.FUNCTION));
        assertEquals(404, answer.status());
        assertEquals("not-found", answer.problemType());
    }
}
