package io.partnerlink.local.jar;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a JVM whose class path starts with a function's shaded jar (ShadedJarTest). Builds the two SDK clients
 * the way shared's AwsClients does (region, credentials and endpoint overrides from the environment), makes one
 * call with each and stops it once signed, before it leaves: prints the URL it was going to and the region and
 * service it was signed for, one line per client.
 */
public final class SdkEndpointProbe {

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private SdkEndpointProbe() {
    }

    public static void main(String[] args) {
        ClientOverrideConfiguration stop = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new StopWhenSigned()).build();
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http).overrideConfiguration(stop).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(http).overrideConfiguration(stop).build()) {
            report(() -> dynamoDb.getItem(r -> r.tableName("probe").key(Map.of("id", AttributeValue.fromS("probe")))));
            report(() -> secrets.getSecretValue(r -> r.secretId("probe")));
        }
    }

    private static void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Signed signed) {
                    System.out.println(signed.getMessage());
                    return;
                }
            }
            throw e;
        }
        throw new IllegalStateException("the request was sent");
    }

    /** Ends the call in the last step before the request is sent, once the endpoint is set and it is signed. */
    private static final class StopWhenSigned implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
            Matcher scope = SCOPE.matcher(authorization);
            String signedFor = scope.find() ? scope.group(1) + "/" + scope.group(2) : "unsigned";
            SdkRequest request = context.request();
            throw new Signed(request.getClass().getSimpleName() + " " + context.httpRequest().getUri() + " " + signedFor);
        }
    }

    private static final class Signed extends RuntimeException {
        Signed(String line) {
            super(line, null, false, false);
        }
    }
}
