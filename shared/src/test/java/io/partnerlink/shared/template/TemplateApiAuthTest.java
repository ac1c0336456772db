package io.partnerlink.shared.template;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.list;
import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: both values of {@code ApiAuth} go through the real SAM translator ({@code samtranslator}, what
 * {@code sam deploy} runs) and {@code cfn-lint} cleanly, and the API they produce has the chosen authorizer on every
 * route but the webhook, with the route's scope under JWT.
 */
class TemplateApiAuthTest {

    static final Path ROOT = TemplateLeastPrivilegeTest.rootOfRepository();
    static final Map<String, String> JWT_SCOPES = Map.of(
            "post /gift-orders", "gift-orders/write",
            "get /gift-certificates", "gift-orders/read",
            "post /domains/{domain}/renewals", "domains/renew");
    static final String WEBHOOK = "post /vitec/order-tokens";

    @ParameterizedTest
    @ValueSource(strings = {"IAM", "JWT"})
    void samTranslatesTheApiWithTheChosenAuthorizer(String mode) throws Exception {
        Path translated = Files.createTempFile("sam-" + mode, ".json");
        try {
            String errors = run(List.of("python3", ROOT.resolve("shared/src/test/resources/template/sam_translate.py").toString(),
                    "template.yaml", "ApiAuth=" + mode, "JwtIssuer=https://issuer.example.com", "JwtAudience=partnerlink"), translated);
            Map<String, Object> resources = map(CloudFormationYaml.read(translated).get("Resources"));
            Map<String, Object> api = map(resources.get("HttpApi"));
            assertEquals("AWS::ApiGatewayV2::Api", api.get("Type"), errors);
            Map<String, Object> body = map(map(api.get("Properties")).get("Body"));
            String scheme = mode.equals("JWT") ? "JwtAuthorizer" : "AWS_IAM";
            Map<String, Object> schemes = map(map(body.get("components")).get("securitySchemes"));
            assertEquals(Set.of(scheme), schemes.keySet());
            if (mode.equals("JWT")) {
                Map<String, Object> authorizer = map(map(schemes.get(scheme)).get("x-amazon-apigateway-authorizer"));
                assertEquals("jwt", authorizer.get("type"));
                assertEquals("$request.header.Authorization", authorizer.get("identitySource"));
                assertEquals(Map.of("issuer", Map.of("Ref", "JwtIssuer"), "audience", Map.of("Ref", "JwtAudience")),
                        authorizer.get("jwtConfiguration"));
            } else {
                assertEquals("awsSigv4", map(schemes.get(scheme)).get("x-amazon-apigateway-authtype"));
            }
            List<String> routes = new ArrayList<>();
            map(body.get("paths")).forEach((path, operations) -> map(operations).forEach((method, op) -> {
                String route = method + " " + path;
                routes.add(route);
                Map<String, Object> operation = map(op);
                assertEquals("aws_proxy", map(operation.get("x-amazon-apigateway-integration")).get("type"), route + " integration");
                if (route.equals(WEBHOOK)) {
                    assertFalse(operation.containsKey("security"), "the webhook has no authorizer: " + operation);
                } else {
                    List<String> scopes = mode.equals("JWT") ? List.of(JWT_SCOPES.get(route)) : List.of();
                    assertEquals(List.of(Map.of(scheme, scopes)), list(operation.get("security")), route + " under " + mode);
                }
            }));
            assertEquals(Stream.concat(JWT_SCOPES.keySet().stream(), Stream.of(WEBHOOK)).sorted().toList(), routes.stream().sorted().toList());
        } finally {
            Files.deleteIfExists(translated);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"IAM", "JWT"})
    void cfnLintFindsNothingForEitherAuthorizer(String mode) throws Exception {
        Path output = Files.createTempFile("lint-" + mode, ".txt");
        try {
            String lint = onPath("cfn-lint");
            run(List.of(lint, "template.yaml", "--parameters", "ApiAuth=" + mode,
                    "JwtIssuer=https://issuer.example.com", "JwtAudience=partnerlink"), output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs a command in the repository root, its stdout into {@code out}; fails with its stderr unless it exits 0. */
    private static String run(List<String> command, Path out) throws IOException, InterruptedException {
        Assumptions.assumeTrue(command.getFirst() != null, "not on the PATH");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile()).start();
        String errors;
        try (var in = process.getErrorStream()) {
            errors = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), command + " did not finish");
        Assumptions.assumeFalse(errors.contains("No module named 'samtranslator'"), "samtranslator is not installed");
        assertEquals(0, process.exitValue(), command + ":\n" + errors + Files.readString(out));
        return errors;
    }

    private static String onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
