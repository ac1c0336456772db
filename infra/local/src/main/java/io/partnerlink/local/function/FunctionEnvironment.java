package io.partnerlink.local.function;

import io.partnerlink.local.template.FunctionSpec;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a function sees locally: exactly its template environment (Globals + its own, references
 * resolved), with the outside world swapped for local stand-ins, plus the variables Lambda itself sets.
 * Nothing is inherited from the runner's shell, so a developer's AWS profile can never reach a real account.
 */
public final class FunctionEnvironment {

    private static final Pattern BASE_URL = Pattern.compile("([A-Z][A-Z0-9]*)_BASE_URL");

    private FunctionEnvironment() {
    }

    /** The sandbox a variable points at: {@code VEKTOR_BASE_URL} → {@code vektor}. */
    public static Optional<String> partnerOf(String variable) {
        Matcher m = BASE_URL.matcher(variable);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * {@code overrides} (from {@code --env-vars}, sam's format) win over everything, like with sam local.
     */
    public static Map<String, String> of(FunctionSpec function, LocalEndpoints endpoints, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, partnerOf(name)
                .map(endpoints.sandboxes()::get)
                .map(sandbox -> sandbox + pathOf(value))
                .orElse(value)));
        env.put("AWS_REGION", endpoints.region());
        env.put("AWS_DEFAULT_REGION", endpoints.region());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        // Every AWS API goes to moto, except DynamoDB, which DynamoDB Local serves more faithfully.
        env.put("AWS_ENDPOINT_URL", endpoints.moto().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.moto().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        env.put("AWS_CONFIG_FILE", "/nonexistent/partnerlink-local/config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/partnerlink-local/credentials");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("_HANDLER", function.handler());
        env.putAll(overrides);
        return env;
    }

    /** The path of a production base URL, kept on the sandbox URL: {@code https://x/api/v2} → {@code /api/v2}. */
    static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }
}
