package io.partnerlink.shared.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP plumbing through a real handler: API Gateway v2 event JSON in, response JSON out. */
class HttpApiFunctionTest {

    static final String VALID = "{\"name\":\"n\",\"lines\":[{\"quantity\":2}]}";
    static ApplicationContext context;
    static SampleFunction handler;

    @BeforeAll
    static void start() {
        String table = "api-" + UUID.randomUUID();
        LocalAws.get().createIdempotencyTable(table);
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "test.sample-routes", "true", "idempotency.table", table, "idempotency.scope", "sample")).start();
        handler = new SampleFunction(context);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static HttpAnswer send(ApiEvents event) {
        return HttpAnswer.parse(FunctionInvoker.invoke(handler, event.toJson(), TestLambdaContext.of("sample-fn")));
    }

    static ApiEvents order(String body) {
        return ApiEvents.request("POST", "/orders").header("Idempotency-Key", UUID.randomUUID().toString()).json(body);
    }

    static void assertProblem(HttpAnswer answer, int status, String type, String field) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals(type, answer.problemType());
        JsonNode problem = answer.json();
        assertEquals(answer.header("x-request-id"), problem.get("instance").getStringValue());
        if (field != null) {
            JsonNode errors = problem.get("errors");
            assertNotNull(errors, answer.body());
            boolean named = false;
            for (JsonNode e : errors.values()) {
                named |= e.get("field").getStringValue().equals(field);
            }
            assertTrue(named, "expected an error on " + field + ": " + answer.body());
        }
    }

    @Test
    void aValidRequestIsAnsweredWithTheRequestId() {
        HttpAnswer answer = send(order(VALID));
        assertEquals(201, answer.status(), answer.body());
        assertNotNull(answer.header("x-request-id"));
        assertEquals("application/json", answer.header("content-type"));
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(send(order("{\"name\":")), 400, "validation-failed", null);
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        assertProblem(send(order("{\"name\":\"n\",\"lines\":\"many\"}")), 400, "validation-failed", "lines");
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        assertProblem(send(order("{\"name\":\"n\",\"lines\":[{\"quantity\":1}],\"discount\":5}")), 400, "validation-failed", "discount");
    }

    @Test
    void constraintViolationsNameEachField() {
        HttpAnswer answer = send(order("{\"name\":\"\",\"lines\":[{\"quantity\":0}]}"));
        assertProblem(answer, 400, "validation-failed", "name");
        assertProblem(answer, 400, "validation-failed", "lines[0].quantity");
    }

    @Test
    void aBodyOverTheBoundIs400() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\",\"lines\":[{\"quantity\":1}]}";
        assertProblem(send(order(huge)), 400, "validation-failed", "body");
    }

    @Test
    void aWrongContentTypeIs400() {
        ApiEvents event = ApiEvents.request("POST", "/orders").header("Content-Type", "text/plain").rawBody(VALID);
        assertProblem(send(event), 400, "validation-failed", "Content-Type");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] bad = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ApiEvents event = ApiEvents.request("POST", "/orders").header("Content-Type", "application/json")
                .base64Body(Base64.getEncoder().encodeToString(bad));
        assertProblem(send(event), 400, "validation-failed", "body");
    }

    @Test
    void anEventThatIsNotAnHttpEventIs400() {
        HttpAnswer answer = HttpAnswer.parse(FunctionInvoker.invoke(handler, "{\"hello\":1}", TestLambdaContext.of("sample-fn")));
        assertProblem(answer, 400, "validation-failed", null);
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        try (LogCapture logs = LogCapture.attach()) {
            HttpAnswer answer = send(ApiEvents.request("POST", "/boom").json("{}"));
            assertProblem(answer, 500, "internal-error", null);
            assertFalse(answer.body().contains("io.partnerlink"), answer.body());
            assertFalse(answer.body().contains("Exception"), answer.body());
            assertFalse(logs.linesContaining("internal detail").isEmpty(), "the stack trace goes to the log only");
        }
    }

    /** Issue 14: an Error is answered as problem JSON with the request id; only a VirtualMachineError ends the invocation. */
    @Test
    void anErrorIsAnswered500AndOnlyAVirtualMachineErrorEndsTheInvocation() {
        try (LogCapture logs = LogCapture.attach()) {
            HttpAnswer answer = send(ApiEvents.request("POST", "/link-error").json("{}"));
            assertProblem(answer, 500, "internal-error", null);
            assertFalse(answer.body().contains("netty"), answer.body());
            assertFalse(logs.linesContaining("ByteBufInputStream").isEmpty(), "the error goes to the log only");
        }
        assertThrows(OutOfMemoryError.class, () -> send(ApiEvents.request("POST", "/out-of-memory").json("{}")));
    }

    @Test
    void anIdempotentRouteReplaysWithTheHeader() {
        ApiEvents event = order(VALID);
        HttpAnswer first = send(event);
        HttpAnswer again = send(event);
        assertEquals(first.body(), again.body());
        assertNull(first.header("idempotent-replayed"));
        assertEquals("true", again.header("idempotent-replayed"));
    }

    @Test
    void aMissingIdempotencyKeyIs400() {
        assertProblem(send(ApiEvents.request("POST", "/orders").json(VALID)), 400, "idempotency-key-required", null);
    }

    @Test
    void logLinesAreJsonWithLevelMessageFunctionRequestIdAndKeyHash() {
        try (LogCapture logs = LogCapture.attach()) {
            HttpAnswer answer = send(order(VALID));
            String line = logs.linesContaining("Placing order for 1 lines").get(0);
            JsonNode json = HttpAnswer.tree(line);
            assertEquals("INFO", json.get("level").getStringValue());
            JsonNode mdc = json.get("mdc");
            assertEquals("sample-fn", mdc.get("functionName").getStringValue());
            assertEquals(answer.header("x-request-id"), mdc.get("requestId").getStringValue());
            assertEquals(16, mdc.get("idempotencyKeyHash").getStringValue().length());
        }
    }
}
