package io.partnerlink.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.LocalRunner;
import io.partnerlink.local.RunnerOptions;
import io.partnerlink.local.http.HttpAnswer;
import io.partnerlink.local.http.IncomingRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runner authorizes like API Gateway, end to end: curl's own {@code --aws-sigv4} signing reaches the
 * function with the caller's IAM context; unsigned or wrongly signed requests get API Gateway's refusal from the
 * runner (the function's echo never comes back); a route without authorizer is open. JWT mode through
 * {@link LocalAuthorizer} with the runner's token endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAuthorizationTest {

    static final Path ROOT = Path.of(System.getProperty("partnerlink.root", "../..")).toAbsolutePath().normalize();
    static final String REGION = "eu-north-1";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path work;
    Path template;
    LocalRunner runner;

    @BeforeAll
    void start() throws Exception {
        template = Path.of(getClass().getResource("/fixture/auth-template.yaml").toURI());
        RunnerOptions options = RunnerOptions.forRepository(ROOT, 0, REGION).withTemplate(template)
                .withSandboxes(template.getParent().resolve("sandboxes")).withWorkDir(work, null);
        runner = LocalRunner.create(options).start();
    }

    @AfterAll
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void curlSignedWithTheDemoCallerReachesTheFunctionWithItsIamContext() throws Exception {
        Answer answer = curl("/echo/x", "--aws-sigv4", "aws:amz:" + REGION + ":execute-api",
                "--user", LocalCallers.DEMO_ACCESS_KEY + ":" + LocalCallers.DEMO_SECRET_KEY);
        assertEquals(201, answer.status(), answer.body());
        JsonNode iam = JSON.readTree(answer.body()).at("/requestContext/authorizer/iam");
        assertEquals("arn:aws:iam::123456789012:user/local-" + LocalCallers.DEMO_ACCESS_KEY, iam.get("userArn").asText());
        assertEquals("123456789012", iam.get("accountId").asText());
    }

    @Test
    void unsignedIs401AndNeverReachesTheFunction() throws Exception {
        Answer answer = curl("/echo/x");
        assertEquals(401, answer.status());
        assertEquals("{\"message\":\"Unauthorized\"}", answer.body());
    }

    @Test
    void aWrongSecretOrRegionIs403AndNeverReachesTheFunction() throws Exception {
        Answer secret = curl("/echo/x", "--aws-sigv4", "aws:amz:" + REGION + ":execute-api", "--user", LocalCallers.DEMO_ACCESS_KEY + ":wrong");
        Answer region = curl("/echo/x", "--aws-sigv4", "aws:amz:us-east-1:execute-api",
                "--user", LocalCallers.DEMO_ACCESS_KEY + ":" + LocalCallers.DEMO_SECRET_KEY);
        assertEquals(List.of(403, 403), List.of(secret.status(), region.status()));
        assertEquals("{\"message\":\"Forbidden\"}", secret.body());
    }

    @Test
    void aRouteWithoutAuthorizerIsOpenAndCarriesNoAuthorizerContext() throws Exception {
        Answer answer = curl("/open/x");
        assertEquals(201, answer.status(), answer.body());
        assertTrue(JSON.readTree(answer.body()).at("/requestContext/authorizer").isMissingNode());
    }

    @Test
    void inJwtModeATokenFromTheRunnerPassesWithItsScopeOnly() throws Exception {
        LocalAuthorizer jwt = LocalAuthorizer.forTemplate(template, REGION, Map.of(LocalAuthorizer.MODE_VARIABLE, "JWT"));
        String token = new String(jwt.serve("/_local/token", "scope=echo/write&sub=shop").body(), StandardCharsets.UTF_8).trim();
        String readOnly = new String(jwt.serve("/_local/token", "scope=echo/read").body(), StandardCharsets.UTF_8).trim();

        Verdict allowed = jwt.authorize("POST /echo/{name}", request("Bearer " + token));
        assertTrue(allowed.allowed(), allowed.reason());
        byte[] event = jwt.attach("{\"requestContext\":{\"requestId\":\"r\"}}".getBytes(StandardCharsets.UTF_8), allowed);
        JsonNode context = JSON.readTree(event).at("/requestContext/authorizer/jwt");
        assertEquals("shop", context.at("/claims/sub").asText());
        assertEquals(LocalTokens.ISSUER, context.at("/claims/iss").asText());
        assertEquals("echo/write", context.at("/scopes/0").asText());

        assertEquals(403, jwt.authorize("POST /echo/{name}", request("Bearer " + readOnly)).status());
        assertEquals(401, jwt.authorize("POST /echo/{name}", request(null)).status());
        assertEquals(401, jwt.authorize("POST /echo/{name}", request("Bearer " + token.substring(0, token.length() - 2))).status());
        // Another runner's tokens are signed with another key.
        LocalAuthorizer other = LocalAuthorizer.forTemplate(template, REGION, Map.of(LocalAuthorizer.MODE_VARIABLE, "JWT"));
        assertEquals(401, other.authorize("POST /echo/{name}", request("Bearer " + token)).status());
        assertTrue(jwt.authorize("POST /open/{name}", request(null)).allowed());
        assertEquals("{\"message\":\"Forbidden\"}", new String(LocalAuthorizer.refusal(Verdict.forbidden("x")).body(), StandardCharsets.UTF_8));
    }

    @Test
    void theTokenEndpointServesNoTokensInIamMode() {
        HttpAnswer answer = runner.authorizer().serve("/_local/token", "scope=echo/write");
        assertEquals(409, answer.status());
        assertFalse(new String(answer.body(), StandardCharsets.UTF_8).contains("eyJ"), "no JWT");
    }

    static IncomingRequest request(String authorization) {
        List<Map.Entry<String, String>> headers = authorization == null ? List.of() : List.of(Map.entry("Authorization", authorization));
        return new IncomingRequest("POST", "/echo/x", null, headers, new byte[0], "127.0.0.1", 0);
    }

    record Answer(int status, String body) {
    }

    /** curl, the client the README shows, POSTing a JSON body to the runner. */
    Answer curl(String path, String... options) throws Exception {
        String curl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "curl")).filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
        Assumptions.assumeTrue(curl != null, "curl is not on the PATH");
        List<String> command = new java.util.ArrayList<>(List.of(curl, "-s", "-w", "\n%{http_code}", "-X", "POST",
                "-H", "Content-Type: application/json", "-d", "{\"at\":\"" + Instant.now() + "\"}"));
        command.addAll(List.of(options));
        command.add(runner.baseUrl() + path);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        int split = out.lastIndexOf('\n');
        return new Answer(Integer.parseInt(out.substring(split + 1).trim()), out.substring(0, split));
    }
}
