package io.partnerlink.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.template.SamTemplate;
import io.partnerlink.local.template.SecretSpec;
import io.partnerlink.local.template.TableSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's core on free ports, as {@code infra/local/start} runs it: the real template's tables and secrets,
 * and test-only functions (src/test/resources/fixture) in their own JVMs, reached through the real event path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunnerTest {

    static final Path ROOT = Path.of(System.getProperty("partnerlink.root", "../..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private LogBuffer log;
    private SamTemplate real;
    private LocalRunner runner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void start() throws Exception {
        log = LogBuffer.attach();
        real = SamTemplate.load(ROOT.resolve("template.yaml"), "eu-north-1");
        Path fixture = Path.of(getClass().getResource("/fixture/template.yaml").toURI());
        SamTemplate functions = SamTemplate.load(fixture, "eu-north-1");
        SamTemplate combined = new SamTemplate(real.file(), real.tables(), real.secrets(), functions.functions(), List.of());
        RunnerOptions options = RunnerOptions.forRepository(ROOT, 0, "eu-north-1")
                .withSandboxes(fixture.getParent().resolve("sandboxes"))
                .withWorkDir(work, null);
        runner = LocalRunner.create(options, combined).start();
    }

    @AfterAll
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUpAndSaysWhichFunctionsCannotRun() throws Exception {
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("READY", body.at("/functions/EchoFunction/state").asText());
        assertEquals("READY", body.at("/functions/OtherFunction/state").asText());
        assertEquals("FAILED", body.at("/functions/BrokenFunction/state").asText());
        assertTrue(body.at("/functions/BrokenFunction/detail").asText().contains("NoSuchHandler"));
        assertEquals("NOT_BUILT", body.at("/functions/UnbuiltFunction/state").asText());
        assertEquals(runner.endpoints().sandboxes().get("demo").toString(), body.at("/sandboxes/demo").asText());
    }

    @Test
    void routeBecomesAnHttpApiV2EventForTheHandler() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo/J%C3%BCrgen%20X?b=2&a=1&a=3"))
                .header("X-Custom", "v").header("Cookie", "c1=a; c2=b").GET());
        assertEquals(201, response.statusCode());
        String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
        JsonNode event = JSON.readTree(response.body());
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /echo/{name}", event.get("routeKey").asText());
        assertEquals("/echo/J%C3%BCrgen%20X", event.get("rawPath").asText());
        assertEquals("b=2&a=1&a=3", event.get("rawQueryString").asText());
        assertEquals("1,3", event.at("/queryStringParameters/a").asText());
        assertEquals("Jürgen X", event.at("/pathParameters/name").asText());
        assertEquals("v", event.at("/headers/x-custom").asText());
        assertEquals(List.of("c1=a", "c2=b"), JSON.convertValue(event.get("cookies"), List.class));
        assertEquals(requestId, event.at("/requestContext/requestId").asText());
        assertEquals("GET", event.at("/requestContext/http/method").asText());
        assertEquals("$default", event.at("/requestContext/stage").asText());
        assertTrue(event.at("/requestContext/timeEpoch").asLong() > 0);
        assertFalse(event.get("isBase64Encoded").asBoolean());
        // the handler's Lambda context carries the same request id; its cookies come back as Set-Cookie
        assertEquals(requestId, response.headers().firstValue("x-request-id").orElseThrow());
        assertEquals("seen=1", response.headers().firstValue("set-cookie").orElseThrow());
    }

    @Test
    void eachFunctionHasItsOwnEnvironmentWithLocalEndpointsAndNothingInherited() throws Exception {
        HttpResponse<String> echo = get("/echo/x");
        HttpResponse<String> other = get("/other/a/b");
        assertEquals("EchoFunction", echo.headers().firstValue("x-function-name").orElseThrow());
        assertEquals("hello", echo.headers().firstValue("x-greeting").orElseThrow());
        assertEquals("OtherFunction", other.headers().firstValue("x-function-name").orElseThrow());
        assertEquals("hello from eu-north-1", other.headers().firstValue("x-greeting").orElseThrow());
        assertEquals("fixture-idempotency", echo.headers().firstValue("x-idempotency-table").orElseThrow());
        assertEquals(runner.endpoints().dynamoDb().toString(), echo.headers().firstValue("x-dynamodb-endpoint").orElseThrow());
        assertEquals(runner.endpoints().sandboxes().get("demo") + "/api/v1",
                echo.headers().firstValue("x-demo-base-url").orElseThrow());
        assertEquals("false", echo.headers().firstValue("x-path-inherited").orElseThrow());
        JsonNode event = JSON.readTree(other.body());
        assertEquals("ANY /other/{rest+}", event.get("routeKey").asText());
        assertEquals("a/b", event.at("/pathParameters/rest").asText());
    }

    @Test
    void binaryBodiesArriveBase64Encoded() throws Exception {
        byte[] bytes = {(byte) 0xff, 0, 1, 2};
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/other/upload"))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        JsonNode event = JSON.readTree(response.body());
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(bytes), event.get("body").asText());
        assertEquals("POST", event.at("/requestContext/http/method").asText());
    }

    @Test
    void aJsonBodyThatIsNotUtf8ReachesTheFunctionBase64WithEveryByte() throws Exception {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xe9, '"', '}'};
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/other/order"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        JsonNode event = JSON.readTree(response.body());
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(body), event.get("body").asText());
    }

    @Test
    void malformedRequestsAreRefusedAtTheFrontAndNeverReachTheFunctionHost() throws Exception {
        long before = invocations();
        for (String request : List.of(
                "POST /boom HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "GET /echo/%zz HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /echo/x HTTP/1.1\r\nHost: h\r\nIdempotency-Key: a\r\n b\r\n\r\n",
                "get /echo/x HTTP/1.1\r\nHost: h\r\n\r\n",
                "POST /boom HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n")) {
            try (Socket socket = new Socket("127.0.0.1", runner.baseUrl().getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
                assertTrue(answer.contains("\r\ncontent-type: application/problem+json\r\n"), answer);
                assertTrue(answer.endsWith("}"), "answered, then closed: " + answer);
                assertFalse(answer.contains("Exception"), answer);
            }
        }
        assertEquals(before + 1, invocations(), "only the counting request itself reached the host");
    }

    @Test
    void answerHeaderNamesAreLowerCaseOnTheWire() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", runner.baseUrl().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /echo/x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n")[0];
            List<String> names = head.lines().skip(1).map(l -> l.substring(0, l.indexOf(':'))).toList();
            assertTrue(names.containsAll(List.of("apigw-requestid", "content-type", "x-function-name", "content-length")), names.toString());
            names.forEach(name -> assertEquals(name.toLowerCase(java.util.Locale.ROOT), name));
        }
    }

    private long invocations() throws Exception {
        return Long.parseLong(get("/echo/count").headers().firstValue("x-invocations").orElseThrow());
    }

    @Test
    void invokePassesARawEventAndReturnsTheRawResult() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/_invoke/OtherFunction"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}")));
        assertEquals(200, response.statusCode());
        JsonNode result = JSON.readTree(response.body());
        assertEquals("aws.events", result.at("/echo/source").asText());
        assertEquals("OtherFunction", result.get("function").asText());
        assertTrue(result.get("remainingMs").asInt() > 0, "the context counts down from the function's timeout");
    }

    @Test
    void unknownRoutesAndFunctionsAreProblem404s() throws Exception {
        for (HttpResponse<String> response : List.of(get("/no/such/route"),
                send(HttpRequest.newBuilder(url("/_invoke/NoSuchFunction")).POST(HttpRequest.BodyPublishers.ofString("{}"))))) {
            assertEquals(404, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            JsonNode problem = JSON.readTree(response.body());
            assertEquals("/problems/not-found", problem.get("type").asText());
            assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), problem.get("instance").asText());
        }
    }

    @Test
    void aThrowingHandlerIsA500ProblemWithTheStackTraceOnlyInTheLog() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/boom")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(500, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode problem = JSON.readTree(response.body());
        String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
        assertEquals(requestId, problem.get("instance").asText());
        assertFalse(response.body().matches("(?s).*(Exception|java\\.|\\.java).*"), "no exception type: " + response.body());
        assertEquals("Internal Server Error", problem.get("message").asText());
        assertFalse(response.body().contains("stays in the log"), "the exception message is not answered");
        assertFalse(response.body().contains("at io.partnerlink"), "no stack trace in the answer");
        assertTrue(log.awaitContains("[EchoFunction] java.lang.IllegalStateException: boom: this message stays in the log",
                Duration.ofSeconds(10)), "the stack trace is in the runner's log");
        assertTrue(log.text().contains("Invocation " + requestId + " failed"));
    }

    @Test
    void partnerBaseUrlsPointAtTheSandboxWithTheProductionPath() throws Exception {
        HttpResponse<String> response = get("/partner");
        assertEquals(200, response.statusCode());
        assertEquals("demo", JSON.readTree(response.body()).get("partner").asText());
        URI sandbox = runner.endpoints().sandboxes().get("demo");
        HttpResponse<String> calls = http.send(HttpRequest.newBuilder(sandbox.resolve("/__admin/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(calls.body().contains("/api/v1/hello"), "WireMock's admin API shows the partner call");
    }

    @Test
    void functionsThatCannotRunAnswer503WithTheReason() throws Exception {
        HttpResponse<String> broken = get("/broken");
        HttpResponse<String> unbuilt = get("/unbuilt");
        assertEquals(503, broken.statusCode());
        assertFalse(broken.body().contains("Exception"), "the reason is in /health and the log, no class in the answer");
        assertTrue(JSON.readTree(broken.body()).get("detail").asText().contains("GET /health"));
        assertEquals(503, unbuilt.statusCode());
        assertTrue(JSON.readTree(get("/health").body()).at("/functions/UnbuiltFunction/detail").asText()
                .contains("unbuilt-lambda.jar is missing"));
    }

    @Test
    void aFunctionPastItsTimeoutIsA500AndItsHostIsReplaced() throws Exception {
        long before = runner.functions().get("SlowFunction").pid();
        HttpResponse<String> response = get("/slow");
        assertEquals(500, response.statusCode());
        assertTrue(JSON.readTree(response.body()).get("detail").asText().contains("timed out after 1 s"));
        assertTrue(before > 0);
        assertFalse(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false), "the timed-out host is stopped");
        assertEquals(-1, runner.functions().get("SlowFunction").pid());
    }

    @Test
    void tablesAndSecretsOfTheTemplateExistInTheEmulators() throws Exception {
        assertEquals(List.of("IdempotencyTable", "CouponsTable"), real.tables().stream().map(TableSpec::name).toList());
        try (DynamoDbClient ddb = runner.resources().dynamoDbClient()) {
            TableDescription idempotency = ddb.describeTable(r -> r.tableName("IdempotencyTable")).table();
            assertEquals("id", idempotency.keySchema().get(0).attributeName());
            assertEquals("expiration", ddb.describeTimeToLive(r -> r.tableName("IdempotencyTable"))
                    .timeToLiveDescription().attributeName());
            TableDescription coupons = ddb.describeTable(r -> r.tableName("CouponsTable")).table();
            assertEquals(List.of("pk", "sk"), coupons.keySchema().stream().map(k -> k.attributeName()).toList());
            assertEquals("token-index", coupons.globalSecondaryIndexes().get(0).indexName());
        }
        try (SecretsManagerClient sm = runner.resources().secretsManagerClient()) {
            for (SecretSpec secret : real.secrets()) {
                String value = sm.getSecretValue(r -> r.secretId(secret.name())).secretString();
                assertTrue(JSON.readTree(value).size() > 0, secret.name() + " has its demo value");
            }
            JsonNode vektor = JSON.readTree(sm.getSecretValue(r -> r.secretId("VektorSecret")).secretString());
            assertEquals("demo-client", vektor.get("clientId").asText());
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closingStopsEveryProcessAndPort() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        assertTrue(children.size() >= 3, "moto and the function hosts run as child processes: " + children);
        URI base = runner.baseUrl();
        URI sandbox = runner.endpoints().sandboxes().get("demo");

        runner.close();

        assertEquals(List.of(), ProcessHandle.current().descendants().toList(), "no process is left behind");
        children.forEach(p -> assertFalse(p.isAlive(), p + " is stopped"));
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.discarding()));
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(sandbox.resolve("/__admin")).build(),
                HttpResponse.BodyHandlers.discarding()));
    }

    private URI url(String path) {
        return runner.baseUrl().resolve(path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
