package io.partnerlink.shared.template;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.list;
import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.map;
import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.resources;
import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.root;
import static io.partnerlink.shared.template.TemplateLeastPrivilegeTest.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SAM workflow's files against template.yaml (issue 19): the {@code sam local --env-vars} files override only
 * variables the template declares (SAM ignores the rest) and lead the AWS SDK to local AWS in the region the local
 * tables and secrets live in; partner URLs and schedules are parameters; the failed-events queue trusts the two
 * schedule rules by ARN; secrets and the queue outlive the stack; {@code sam build} builds each function with the
 * root Makefile; CI runs the README's test command and cfn-lint. SamLocalInvokeTest (infra/local) runs the env
 * files and sample events through the functions' jars.
 */
class SamWorkflowTest {

    /** The region infra/local/start (Main) and infra/localstack/init.sh create the tables and secrets in. */
    static final Pattern INIT_REGION = Pattern.compile("AWS_REGION:-([a-z0-9-]+)");
    static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D(aws\\.[A-Za-z]+)=(\\S+)");
    static final String DOCKER_HOST = "host.docker.internal";

    /** The template as TemplateLeastPrivilegeTest reads it (root, template, resources), found above the working directory. */
    @BeforeAll
    static void read() throws IOException {
        TemplateLeastPrivilegeTest.read();
    }

    static Stream<Path> envFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("infra"))) {
            return files.filter(f -> f.getFileName().toString().matches("env(\\..+)?\\.json")).sorted().toList().stream();
        }
    }

    static Stream<String> functions() {
        return resources.entrySet().stream()
                .filter(e -> TemplateLeastPrivilegeTest.FUNCTION.equals(map(e.getValue()).get("Type"))).map(Map.Entry::getKey);
    }

    // ------------------------------------------------------------------ sam local --env-vars

    @ParameterizedTest
    @MethodSource("envFiles")
    void everyOverrideIsAVariableTheTemplateDeclaresForThatFunction(Path file) throws IOException {
        Map<String, Map<String, String>> env = envFile(file);
        assertEquals(functions().collect(Collectors.toSet()), without(env.keySet(), "Parameters"),
                file.getFileName() + " has a section for each function, and only for functions");
        env.getOrDefault("Parameters", Map.of()).keySet().forEach(name -> functions().forEach(function ->
                assertTrue(declared(function).containsKey(name), file.getFileName() + ": Parameters." + name
                        + " is not declared by " + function + ", so sam ignores it there")));
        env.forEach((function, variables) -> {
            if (!function.equals("Parameters")) {
                variables.keySet().forEach(name -> assertTrue(declared(function).containsKey(name),
                        file.getFileName() + ": " + function + "." + name + " is not declared by the function, so sam ignores it"));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("envFiles")
    void theSdkGoesToLocalAwsInTheRegionOfTheLocalTablesAndSecrets(Path file) throws IOException {
        Map<String, Map<String, String>> env = envFile(file);
        String options = env.get("Parameters").get("JAVA_TOOL_OPTIONS");
        assertNotNull(options, file.getFileName() + " sets JAVA_TOOL_OPTIONS for every function");
        String templateOptions = String.valueOf(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables") instanceof Map<?, ?> v ? v.get("JAVA_TOOL_OPTIONS") : null);
        assertTrue(options.startsWith(templateOptions + " "), file.getFileName() + " keeps the template's JVM flags: " + options);

        Map<String, String> properties = new LinkedHashMap<>();
        Matcher m = SYSTEM_PROPERTY.matcher(options);
        while (m.find()) {
            properties.put(m.group(1), m.group(2));
        }
        assertEquals(localRegion(), properties.get("aws.region"), file.getFileName() + ": the region of the local tables and secrets");
        assertTrue(properties.containsKey("aws.accessKeyId") && properties.containsKey("aws.secretAccessKey"),
                file.getFileName() + ": placeholder credentials, so the ones sam passes from your profile are never used");
        List<String> endpoints = properties.keySet().stream().filter(p -> p.startsWith("aws.endpointUrl")).toList();
        boolean everyService = endpoints.contains("aws.endpointUrl")
                || endpoints.containsAll(List.of("aws.endpointUrlDynamoDb", "aws.endpointUrlSecretsManager"));
        assertTrue(everyService, file.getFileName() + " leads DynamoDB and Secrets Manager to local endpoints: " + endpoints);
        endpoints.forEach(p -> assertEquals(DOCKER_HOST, URI.create(properties.get(p)).getHost(),
                file.getFileName() + ": " + p + " is the host as a container reaches it"));

        env.forEach((function, variables) -> variables.forEach((name, value) -> {
            if (name.endsWith("_BASE_URL")) {
                assertEquals(DOCKER_HOST, URI.create(value).getHost(), file.getFileName() + ": " + function + "." + name
                        + " goes to a local sandbox, never to the partner");
            }
        }));
    }

    private static String localRegion() throws IOException {
        Matcher init = INIT_REGION.matcher(Files.readString(root.resolve("infra/localstack/init.sh")));
        assertTrue(init.find(), "infra/localstack/init.sh has a default region");
        assertTrue(Files.readString(root.resolve("infra/local/src/main/java/io/partnerlink/local/Main.java"))
                .contains("orElse(\"" + init.group(1) + "\")"), "infra/local/start uses the same default region as init.sh");
        return init.group(1);
    }

    // ------------------------------------------------------------------ parameters

    @ParameterizedTest
    @MethodSource("functions")
    void partnerBaseUrlsAreParametersWithTheProductionDefault(String function) {
        Map<String, Object> parameters = map(template.get("Parameters"));
        own(function).forEach((name, value) -> {
            if (!name.endsWith("_BASE_URL")) {
                return;
            }
            Object reference = map(value).get("Ref");
            assertNotNull(reference, function + "." + name + " is a parameter, so a staging stack needs no template edit");
            Map<String, Object> parameter = map(parameters.get(reference));
            assertEquals("String", parameter.get("Type"), reference + " type");
            assertEquals("https", URI.create(String.valueOf(parameter.get("Default"))).getScheme(), reference + " defaults to the partner");
        });
    }

    @Test
    void schedulesAreOffUntilEnabled() {
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("EnableSchedules"));
        assertEquals("false", parameter.get("Default"), "schedules stay off until the partner secrets are set");
        assertEquals(List.of("true", "false"), parameter.get("AllowedValues"));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "EnableSchedules"), "true")),
                map(template.get("Conditions")).get("SchedulesEnabled"));
        List<String> schedules = schedules().keySet().stream().toList();
        assertEquals(2, schedules.size(), "the coupon sync and the renewal run: " + schedules);
        schedules().forEach((rule, event) -> assertEquals(Map.of("Fn::If", List.of("SchedulesEnabled", "ENABLED", "DISABLED")),
                map(event.get("Properties")).get("State"), rule));
    }

    // ------------------------------------------------------------------ hardening

    @Test
    void theFailedEventsQueueTrustsExactlyTheScheduleRulesThatUseIt() {
        Set<String> rules = new HashSet<>();
        schedules().forEach((rule, event) -> {
            if ("FailedEventsQueue".equals(TemplateLeastPrivilegeTest.reference(map(map(event.get("Properties")).get("DeadLetterConfig")).get("Arn")))) {
                rules.add(rule);
            }
        });
        List<Map<String, Object>> statements = list(map(map(map(resources.get("FailedEventsQueuePolicy")).get("Properties"))
                .get("PolicyDocument")).get("Statement")).stream().map(TemplateLeastPrivilegeTest::map).toList();
        assertEquals(1, statements.size(), "one statement: " + statements);
        Map<String, Object> condition = map(statements.getFirst().get("Condition"));
        assertEquals(Set.of("ArnEquals"), condition.keySet(), "exact rule ARNs, no name prefix: " + condition);
        Set<String> trusted = list(map(condition.get("ArnEquals")).get("aws:SourceArn")).stream()
                .map(arn -> list(map(arn).get("Fn::GetAtt")))
                .peek(getAtt -> assertEquals("Arn", getAtt.get(1), "a rule's ARN: " + getAtt))
                .map(getAtt -> String.valueOf(getAtt.getFirst())).collect(Collectors.toSet());
        assertEquals(rules, trusted, "the rules SAM generates (<function><event>) for the schedules that park failures there");
    }

    @Test
    void secretsAndTheFailedEventsQueueOutliveTheStack() {
        List<String> kept = resources.entrySet().stream()
                .filter(e -> Set.of("AWS::SecretsManager::Secret", "AWS::SQS::Queue").contains(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).toList();
        assertTrue(kept.contains("FailedEventsQueue") && kept.size() == 6, "five secrets and the queue: " + kept);
        for (String id : kept) {
            assertEquals("Retain", map(resources.get(id)).get("DeletionPolicy"), id);
            assertEquals("Retain", map(resources.get(id)).get("UpdateReplacePolicy"), id);
        }
    }

    // ------------------------------------------------------------------ sam build, CI

    @ParameterizedTest
    @MethodSource("functions")
    void samBuildRunsTheRootMakefileTargetThatCopiesTheFunctionsJar(String function) throws IOException {
        Map<String, Object> metadata = map(map(resources.get(function)).get("Metadata"));
        assertEquals(Map.of("BuildMethod", "makefile", "ProjectRootDirectory", ".", "ContextPath", "."), metadata, function);
        String makefile = Files.readString(root.resolve("Makefile"));
        Matcher target = Pattern.compile("(?m)^build-" + function + ": \\$\\(STAMP\\)\\n\\t\\$\\(call lambda-jar,([a-z-]+)\\)$").matcher(makefile);
        assertTrue(target.find(), "Makefile has build-" + function);
        String module = target.group(1);
        assertEquals("functions/" + module + "/target/" + module + "-lambda.jar", TemplateLeastPrivilegeTest.properties(function).get("CodeUri"),
                "build-" + function + " copies the jar of the function's CodeUri");
        assertTrue(makefile.contains("cp functions/$(1)/target/$(1)-lambda.jar \"$(ARTIFACTS_DIR)/lib/\""), "into lib/");
    }

    @Test
    void samconfigBuildsInSourceAndInvokesWithTheLocalEnvFile() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("samconfig.toml"));
        assertEquals(List.of("build_in_source = true"), section(lines, "[default.build.parameters]", "build_in_source"));
        assertEquals(List.of("env_vars = \"infra/env.json\""), section(lines, "[default.local_invoke.parameters]", "env_vars"));
        assertEquals(List.of("env_vars = \"infra/env.json\""), section(lines, "[default.local_start_api.parameters]", "env_vars"));
        assertEquals(List.of("capabilities = \"CAPABILITY_IAM\""), section(lines, "[default.deploy.parameters]", "capabilities"));
    }

    @Test
    void ciRunsTheReadmeTestCommandAndCfnLint() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        Matcher command = Pattern.compile("(?m)^(\\./mvnw [^#\\n]*?)\\s+# build and run every test").matcher(readme);
        assertTrue(command.find(), "README.md names its test command");
        List<String> runs = Files.readAllLines(root.resolve(".github/workflows/ci.yml")).stream().map(String::strip)
                .filter(l -> l.startsWith("run: ")).map(l -> l.substring(5).strip()).toList();
        assertTrue(runs.contains(command.group(1).strip()), "ci.yml runs " + command.group(1) + ": " + runs);
        assertTrue(runs.contains("cfn-lint template.yaml"), "ci.yml lints the template: " + runs);
        assertTrue(runs.stream().anyMatch(r -> r.startsWith("pip install") && r.contains("moto[server]") && r.contains("cfn-lint")),
                "ci.yml installs moto and cfn-lint: " + runs);
    }

    // ------------------------------------------------------------------ helpers

    /** Each schedule event as the rule SAM generates for it: logical id {@code <function><event>}. */
    private static Map<String, Map<String, Object>> schedules() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        functions().forEach(function -> TemplateLeastPrivilegeTest.events(function).forEach((name, event) -> {
            if ("Schedule".equals(event.get("Type"))) {
                out.put(function + name, event);
            }
        }));
        return out;
    }

    /** The variables a function declares: Globals, then its own (what SAM passes to the container). */
    private static Map<String, Object> declared(String function) {
        Map<String, Object> all = new LinkedHashMap<>(map(map(map(map(template.get("Globals")).get("Function"))
                .get("Environment")).get("Variables")));
        all.putAll(own(function));
        return all;
    }

    private static Map<String, Object> own(String function) {
        return map(map(TemplateLeastPrivilegeTest.properties(function).get("Environment")).get("Variables"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> envFile(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return (Map<String, Map<String, String>>) new Yaml().load(in);
        }
    }

    private static Set<String> without(Set<String> keys, String key) {
        Set<String> out = new HashSet<>(keys);
        out.remove(key);
        return out;
    }

    /** The lines of a samconfig section that set {@code key}. */
    private static List<String> section(List<String> lines, String header, String key) {
        int start = lines.indexOf(header);
        assertFalse(start < 0, "samconfig.toml has " + header);
        return lines.stream().skip(start + 1L).takeWhile(l -> !l.startsWith("[")).map(String::strip)
                .filter(l -> Arrays.asList(l.split(" ")).getFirst().equals(key)).toList();
    }
}
