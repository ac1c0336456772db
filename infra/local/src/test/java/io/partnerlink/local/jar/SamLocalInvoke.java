package io.partnerlink.local.jar;

import io.partnerlink.local.function.HostClasspath;
import io.partnerlink.local.function.InvokeResult;
import io.partnerlink.local.function.LocalFunction;
import io.partnerlink.local.template.FunctionSpec;
import io.partnerlink.local.template.SamTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sam local invoke --env-vars <file>} without Docker: each function's jar in a JVM of its own whose
 * environment is built as SAM CLI builds a container's (samcli/local/lambdafn/env_vars.py): SAM's {@code AWS_*}
 * variables (region us-east-1 and placeholder credentials when no profile is set), then every variable the template
 * declares, an env-file value replacing the template's only for declared names ({@code Parameters} first, then the
 * function's own section). Nothing of the runner's own endpoints leaks in: the env file alone must lead the SDK to
 * local AWS. {@code http://host.docker.internal:<port>} in a value becomes the local address a test maps that port to,
 * as the container reaches the host through that name.
 */
final class SamLocalInvoke implements AutoCloseable {

    private static final Pattern DOCKER_HOST = Pattern.compile("http://host\\.docker\\.internal:(\\d+)");

    private final SamTemplate template;
    private final Map<String, Map<String, String>> envFile;
    private final Map<Integer, URI> hostPorts;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, LocalFunction> containers = new HashMap<>();

    SamLocalInvoke(SamTemplate template, Map<String, Map<String, String>> envFile, Map<Integer, URI> hostPorts) {
        this.template = template;
        this.envFile = envFile;
        this.hostPorts = hostPorts;
    }

    InvokeResult invoke(String function, byte[] event) {
        LocalFunction container = containers.computeIfAbsent(function, id -> new LocalFunction(template.function(id),
                environment(template.function(id)), HostClasspath.ofThisJvm(), null, http));
        return container.invoke(event, "sam-local-" + System.nanoTime());
    }

    /** The container environment of {@code function}, as SAM CLI resolves it. */
    Map<String, String> environment(FunctionSpec function) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_SAM_LOCAL", "true");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(function.timeoutSeconds()));
        env.put("AWS_LAMBDA_FUNCTION_HANDLER", function.handler());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "aws/lambda/" + function.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "defaultkey");
        env.put("AWS_SECRET_ACCESS_KEY", "defaultsecret");
        env.put("AWS_ACCOUNT_ID", "123456789012");
        // Not SAM's: keeps this JVM's own ~/.aws (if any) out, as a container has none.
        env.put("AWS_CONFIG_FILE", "/nonexistent/sam-local/config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/sam-local/credentials");
        Map<String, String> overrides = new HashMap<>(envFile.getOrDefault("Parameters", Map.of()));
        overrides.putAll(envFile.getOrDefault(function.logicalId(), Map.of()));
        function.environment().forEach((name, value) -> env.put(name, toHost(overrides.getOrDefault(name, value))));
        return env;
    }

    private String toHost(String value) {
        Matcher m = DOCKER_HOST.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            URI local = hostPorts.get(Integer.parseInt(m.group(1)));
            if (local == null) {
                throw new IllegalArgumentException("nothing listens on host port " + m.group(1) + " in this test: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(local.toString()));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public void close() {
        containers.values().forEach(LocalFunction::close);
    }
}
