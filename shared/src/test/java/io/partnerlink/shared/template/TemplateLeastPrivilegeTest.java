package io.partnerlink.shared.template;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Least privilege and safe defaults in {@code template.yaml} (issue 9, item 7), read as data:
 * <ul>
 *   <li>each function reaches exactly its own secrets and only the tables it is configured with, never through a
 *       {@code *} resource or a broad managed policy;</li>
 *   <li>in the shared idempotency table a function reaches only its own records ({@code dynamodb:LeadingKeys} =
 *       {@code <idempotency.scope>#*}), with item calls only (a Scan would ignore LeadingKeys);</li>
 *   <li>the HTTP API is throttled and every route is on it, with the authorizer unless it is the signed webhook
 *       ({@link TemplateApiAuthTest} translates both authorizer choices with SAM); scheduled invocations have bounded retries and an SQS
 *       on-failure destination; each function has an errors alarm; {@code cfn-lint} is clean.</li>
 * </ul>
 * Not checked: {@code Globals.Function.Tracing: Active} makes SAM attach {@code AWSXrayWriteOnlyAccess}, whose
 * resource is {@code *}; it grants X-Ray writes only, no DynamoDB or Secrets Manager action.
 */
class TemplateLeastPrivilegeTest {

    static final String FUNCTION = "AWS::Serverless::Function";
    static final Set<String> ITEM_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
            "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem");
    static final Set<String> SECRET_ACTIONS = Set.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
    static final Set<String> SCHEDULED = Set.of("Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent");
    static final String STAR = "*";

    static Path root;
    static Map<String, Object> template;
    static Map<String, Object> resources;

    @BeforeAll
    static void read() throws IOException {
        root = rootOfRepository();
        template = CloudFormationYaml.read(root.resolve("template.yaml"));
        resources = map(template.get("Resources"));
    }

    static Path rootOfRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
            assertNotNull(dir, "template.yaml not found above the working directory");
        }
        return dir;
    }

    static Stream<String> functions() {
        return resources.entrySet().stream().filter(e -> FUNCTION.equals(map(e.getValue()).get("Type"))).map(Map.Entry::getKey);
    }

    // ------------------------------------------------------------------ secrets and tables

    @ParameterizedTest
    @MethodSource("functions")
    void eachFunctionReachesExactlyItsOwnSecretsAndNoOther(String function) {
        Set<String> reached = new LinkedHashSet<>();
        for (Grant grant : grants(function)) {
            if (grant.service().equals("secretsmanager")) {
                assertTrue(SECRET_ACTIONS.containsAll(grant.actions()), function + " may only read secrets: " + grant);
                reached.addAll(grant.resources());
            }
        }
        assertFalse(reached.contains(STAR), function + " reaches every secret: " + reached);
        assertEquals(configured(function, "_SECRET_ID"), reached, function + ": secrets in its policy vs its *_SECRET_ID variables");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void eachFunctionReachesOnlyTheTablesItIsConfiguredWith(String function) {
        Set<String> own = configured(function, "_TABLE");
        for (Grant grant : grants(function)) {
            if (grant.service().equals("dynamodb")) {
                assertFalse(grant.resources().contains(STAR), function + " grants DynamoDB on '*': " + grant);
                assertTrue(own.containsAll(grant.resources()), function + " reaches tables " + grant.resources() + " beyond its own " + own);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void inTheIdempotencyTableEachFunctionReachesOnlyItsOwnRecords(String function) {
        String prefix = scope(function) + "#*";
        List<Grant> onIdempotency = grants(function).stream()
                .filter(g -> g.service().equals("dynamodb") && g.resources().contains("IdempotencyTable")).toList();
        assertFalse(onIdempotency.isEmpty(), function + " needs its idempotency records");
        for (Grant grant : onIdempotency) {
            assertFalse(grant.fromPolicyTemplate(), function + ": a SAM policy template cannot limit the keys: " + grant);
            assertTrue(ITEM_ACTIONS.containsAll(grant.actions()), function + ": item calls only (LeadingKeys does not bound a Scan): " + grant);
            assertEquals(List.of(prefix), leadingKeys(grant.condition()), function + " must be limited to its own records: " + grant);
        }
    }

    // ------------------------------------------------------------------ safe defaults

    @Test
    void theHttpApiIsThrottledAndEveryRouteIsOnIt() {
        List<String> apis = resources.entrySet().stream()
                .filter(e -> "AWS::Serverless::HttpApi".equals(map(e.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
        assertFalse(apis.isEmpty(), "no HTTP API");
        for (String api : apis) {
            Map<String, Object> settings = map(properties(api).get("DefaultRouteSettings"));
            assertTrue(positive(settings.get("ThrottlingBurstLimit")), api + " has no burst limit");
            assertTrue(positive(settings.get("ThrottlingRateLimit")), api + " has no rate limit");
        }
        functions().forEach(function -> events(function).forEach((name, event) -> {
            if ("HttpApi".equals(event.get("Type"))) {
                Object apiId = map(event.get("Properties")).get("ApiId");
                assertTrue(apis.contains(reference(apiId)), function + "." + name + " is not on a throttled API (SAM's implicit API has no limits)");
            }
        }));
    }

    /**
     * Issue 16: every route has the API's authorizer (IAM, or with {@code ApiAuth=JWT} the JWT authorizer with the
     * route's scope), except the webhook of the function that checks a signing key ({@code WEBHOOK_SECRET_ID}).
     */
    @Test
    void everyRouteButTheSignedWebhookHasTheAuthorizer() {
        Set<String> routes = new LinkedHashSet<>();
        functions().forEach(function -> events(function).forEach((name, event) -> {
            if (!"HttpApi".equals(event.get("Type"))) {
                return;
            }
            Map<String, Object> p = map(event.get("Properties"));
            String method = ((String) p.get("Method")).toLowerCase(java.util.Locale.ROOT);
            String path = (String) p.get("Path");
            routes.add(method + " " + path);
            assertFalse(p.containsKey("Auth"), function + "." + name + ": authorization is the API definition's, not the event's");
            Map<String, Object> operation = map(map(apiPaths(reference(p.get("ApiId"))).get(path)).get(method));
            if (configured(function, "WEBHOOK_SECRET_ID").isEmpty()) {
                List<?> choice = list(map(operation.get("security")).get("Fn::If"));
                assertEquals(3, choice.size(), function + "." + name + " has no authorizer: " + operation);
                assertEquals("UseJwt", choice.get(0));
                Map<String, Object> jwt = map(list(choice.get(1)).getFirst());
                assertEquals(Set.of("JwtAuthorizer"), jwt.keySet(), function + "." + name + " JWT authorizer");
                assertEquals(1, list(jwt.get("JwtAuthorizer")).size(), function + "." + name + " needs one JWT scope");
                assertEquals(List.of(Map.of("AWS_IAM", List.of())), choice.get(2), function + "." + name + " IAM authorizer");
            } else {
                assertFalse(operation.containsKey("security"), function + "." + name + " is signed in code; it has no authorizer");
            }
        }));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "ApiAuth"), "JWT")), map(template.get("Conditions")).get("UseJwt"));
        resources.forEach((id, r) -> {
            if ("AWS::Serverless::HttpApi".equals(map(r).get("Type"))) {
                Map<String, Object> body = map(properties(id).get("DefinitionBody"));
                assertFalse(body.containsKey("security"), id + ": no API-wide default that a route could silently lose");
                Set<String> defined = new LinkedHashSet<>();
                map(body.get("paths")).forEach((path, ops) -> map(ops).keySet().forEach(m -> defined.add(m + " " + path)));
                assertEquals(routes, defined, id + ": the API definition's routes vs the functions' HttpApi events");
            }
        });
    }

    private static Map<String, Object> apiPaths(String api) {
        return map(map(properties(api).get("DefinitionBody")).get("paths"));
    }

    @Test
    void scheduledInvocationsHaveBoundedRetriesAndAnSqsOnFailureDestination() {
        List<String> scheduled = functions().filter(f -> events(f).values().stream().anyMatch(e -> SCHEDULED.contains(e.get("Type")))).toList();
        assertFalse(scheduled.isEmpty(), "no scheduled function");
        for (String function : scheduled) {
            Map<String, Object> invoke = map(properties(function).get("EventInvokeConfig"));
            assertTrue(invoke.get("MaximumRetryAttempts") instanceof Integer n && n >= 0 && n <= 2,
                    function + ": Lambda's asynchronous retries must be set (0 to 2)");
            Map<String, Object> onFailure = map(map(invoke.get("DestinationConfig")).get("OnFailure"));
            assertEquals("SQS", onFailure.get("Type"), function + ": on-failure destination");
            assertQueue(reference(onFailure.get("Destination")), function + " on-failure destination");
            events(function).forEach((name, event) -> {
                if (!SCHEDULED.contains(event.get("Type"))) {
                    return;
                }
                Map<String, Object> p = map(event.get("Properties"));
                assertTrue(map(p.get("RetryPolicy")).get("MaximumRetryAttempts") instanceof Integer n && n <= 5,
                        function + "." + name + ": EventBridge retries must be bounded");
                String dlq = reference(map(p.get("DeadLetterConfig")).get("Arn"));
                assertQueue(dlq, function + "." + name + " dead-letter queue");
                assertTrue(eventBridgeMaySend(dlq), "no queue policy lets EventBridge deliver to " + dlq);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void eachFunctionHasAnErrorsAlarm(String function) {
        boolean alarmed = resources.values().stream().map(TemplateLeastPrivilegeTest::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).map(r -> map(r.get("Properties")))
                .anyMatch(p -> "AWS/Lambda".equals(p.get("Namespace")) && "Errors".equals(p.get("MetricName"))
                        && list(p.get("Dimensions")).stream().map(TemplateLeastPrivilegeTest::map).anyMatch(d ->
                        "FunctionName".equals(d.get("Name")) && function.equals(reference(d.get("Value")))));
        assertTrue(alarmed, function + " has no alarm on its Errors metric");
    }

    @Test
    void cfnLintFindsNothing() throws Exception {
        Path lint = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "cfn-lint")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(lint != null, "cfn-lint is not on the PATH");
        Process process = new ProcessBuilder(lint.toString(), "template.yaml").directory(root.toFile()).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cfn-lint did not finish");
        assertEquals(0, process.exitValue(), "cfn-lint template.yaml:\n" + output);
    }

    // ------------------------------------------------------------------ reading policies

    /** One permission: its service, actions, the stack resources it reaches ("*" for all), its condition. */
    record Grant(String service, Set<String> actions, Set<String> resources, Object condition, boolean fromPolicyTemplate) {
    }

    static List<Grant> grants(String function) {
        Map<String, Object> props = properties(function);
        assertFalse(props.containsKey("Role"), function + " brings its own role, which this test cannot read");
        List<Grant> grants = new ArrayList<>();
        for (Object policy : list(props.get("Policies"))) {
            if (policy instanceof String managed) {
                assertFalse(managed.matches("(?i).*(dynamodb|secretsmanager|fullaccess|administrator|poweruser).*"),
                        function + " attaches the broad managed policy " + managed);
            } else if (map(policy).containsKey("Statement")) {
                for (Object s : list(map(policy).get("Statement"))) {
                    Map<String, Object> statement = map(s);
                    if (!"Allow".equals(statement.get("Effect"))) {
                        continue;
                    }
                    List<String> actions = strings(statement.get("Action"));
                    for (String service : List.of("dynamodb", "secretsmanager")) {
                        Set<String> mine = new LinkedHashSet<>();
                        actions.stream().filter(a -> a.equals(STAR) || a.toLowerCase().startsWith(service + ":")).forEach(mine::add);
                        if (!mine.isEmpty()) {
                            assertFalse(mine.stream().anyMatch(a -> a.contains("*")), function + " grants wildcard actions " + mine);
                            grants.add(new Grant(service, mine, targets(statement.get("Resource")), statement.get("Condition"), false));
                        }
                    }
                }
            } else {
                map(policy).forEach((name, parameters) -> {
                    Map<String, Object> p = map(parameters);
                    if (name.equals("AWSSecretsManagerGetSecretValuePolicy")) {
                        grants.add(new Grant("secretsmanager", Set.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                                targets(p.get("SecretArn")), null, true));
                    } else if (name.startsWith("DynamoDB")) {
                        grants.add(new Grant("dynamodb", Set.of(name), targets(p.get("TableName")), null, true));
                    } else if (name.contains("SecretsManager") || name.contains("Dynamo")) {
                        fail(function + " uses policy template " + name + ", which this test does not know");
                    }
                });
            }
        }
        return grants;
    }

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}");

    /** The stack resources a Resource value names, or "*" when it names everything. */
    static Set<String> targets(Object resource) {
        Set<String> out = new LinkedHashSet<>();
        for (Object r : resource instanceof List<?> l ? l : List.of(resource)) {
            if (r instanceof String text) {
                out.add(text.contains("*") ? STAR : "literal:" + text);
            } else if (map(r).containsKey("Fn::Sub")) {
                Object sub = map(r).get("Fn::Sub");
                String text = sub instanceof List<?> l ? (String) l.get(0) : (String) sub;
                Matcher m = SUB_REFERENCE.matcher(text);
                boolean named = false;
                while (m.find()) {
                    if (!m.group(1).startsWith("AWS")) {
                        out.add(m.group(1));
                        named = true;
                    }
                }
                if (!named) {
                    out.add(STAR);
                }
            } else {
                out.add(reference(r));
            }
        }
        return out;
    }

    /** The logical id behind {@code !Ref X} or {@code !GetAtt X.Attr}. */
    static String reference(Object value) {
        Map<String, Object> m = map(value);
        if (m.containsKey("Ref")) {
            return (String) m.get("Ref");
        }
        if (m.containsKey("Fn::GetAtt")) {
            return (String) list(m.get("Fn::GetAtt")).getFirst();
        }
        return "unresolved:" + value;
    }

    /** The values of a {@code dynamodb:LeadingKeys} condition under {@code ForAllValues:StringLike/StringEquals}. */
    static List<String> leadingKeys(Object condition) {
        if (condition == null) {
            return List.of();
        }
        for (String operator : List.of("ForAllValues:StringLike", "ForAllValues:StringEquals")) {
            Object keys = map(map(condition).get(operator)).get("dynamodb:LeadingKeys");
            if (keys != null) {
                return strings(keys);
            }
        }
        return List.of();
    }

    /** The stack resources named by a function's variables ending in {@code suffix}, Globals included. */
    static Set<String> configured(String function, String suffix) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Object> globals = map(map(map(map(template.get("Globals")).get("Function")).get("Environment")).get("Variables"));
        Map<String, Object> own = map(map(properties(function).get("Environment")).get("Variables"));
        for (Map<String, Object> variables : List.of(globals, own)) {
            variables.forEach((name, value) -> {
                if (name.endsWith(suffix) && value instanceof Map<?, ?>) {
                    out.add(reference(value));
                }
            });
        }
        return out;
    }

    /** {@code idempotency.scope} of the function's module, found through its CodeUri ({@code functions/<name>/...}). */
    static String scope(String function) {
        String codeUri = (String) properties(function).get("CodeUri");
        Matcher m = Pattern.compile("^functions/([^/]+)/").matcher(codeUri);
        assertTrue(m.find(), function + ": CodeUri " + codeUri);
        Path file = root.resolve("functions").resolve(m.group(1)).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        String scope = properties.getProperty("idempotency.scope");
        assertNotNull(scope, file + " sets no idempotency.scope");
        return scope;
    }

    private void assertQueue(String logicalId, String what) {
        assertEquals("AWS::SQS::Queue", map(resources.get(logicalId)).get("Type"), what + " is not an SQS queue of this stack: " + logicalId);
    }

    private static boolean eventBridgeMaySend(String queue) {
        return resources.values().stream().map(TemplateLeastPrivilegeTest::map)
                .filter(r -> "AWS::SQS::QueuePolicy".equals(r.get("Type"))).map(r -> map(r.get("Properties")))
                .filter(p -> list(p.get("Queues")).stream().anyMatch(q -> queue.equals(reference(q))))
                .flatMap(p -> list(map(p.get("PolicyDocument")).get("Statement")).stream().map(TemplateLeastPrivilegeTest::map))
                .anyMatch(s -> "Allow".equals(s.get("Effect")) && strings(s.get("Action")).contains("sqs:SendMessage")
                        && strings(map(s.get("Principal")).get("Service")).contains("events.amazonaws.com"));
    }

    static Map<String, Object> properties(String logicalId) {
        return map(map(resources.get(logicalId)).get("Properties"));
    }

    static Map<String, Map<String, Object>> events(String function) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        map(properties(function).get("Events")).forEach((k, v) -> out.put(k, map(v)));
        return out;
    }

    static boolean positive(Object value) {
        return value instanceof Number n && n.doubleValue() > 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
