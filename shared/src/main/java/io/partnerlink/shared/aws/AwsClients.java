package io.partnerlink.shared.aws;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;

/**
 * The AWS SDK clients, built lazily on first use (Micronaut singletons are lazy), on the URL-connection HTTP
 * client, which starts fastest on Lambda. Region, credentials and endpoint come from the SDK's own settings:
 * {@code AWS_REGION}, the default credential chain and {@code AWS_ENDPOINT_URL} (or the per-service
 * {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}), so no custom variable is needed.
 */
@Factory
public class AwsClients {

    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final Duration apiCallTimeout;

    public AwsClients(@Value("${aws.http.connect-timeout:2s}") Duration connectTimeout,
                      @Value("${aws.http.socket-timeout:5s}") Duration socketTimeout,
                      @Value("${aws.api-call-timeout:8s}") Duration apiCallTimeout) {
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.apiCallTimeout = apiCallTimeout;
    }

    @Singleton
    DynamoDbClient dynamoDb(SdkHttpClient http) {
        return DynamoDbClient.builder().httpClient(http).overrideConfiguration(overrides()).build();
    }

    @Singleton
    SecretsManagerClient secretsManager(SdkHttpClient http) {
        return SecretsManagerClient.builder().httpClient(http).overrideConfiguration(overrides()).build();
    }

    /**
     * One HTTP client for both SDK clients: each URL-connection client builds its own TLS context on creation,
     * the costliest part of creating an SDK client on a cold start (bench/README.md). The SDK does not close a
     * client it was handed, so the context closes it.
     */
    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient awsHttpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout).socketTimeout(socketTimeout).build();
    }

    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(apiCallTimeout).build();
    }
}
