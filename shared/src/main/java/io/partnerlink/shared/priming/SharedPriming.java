package io.partnerlink.shared.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.idempotency.IdempotencyConfig;
import io.partnerlink.shared.problem.Problem;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The priming steps every function shares: JSON, the AWS SDK and Micronaut's HTTP client. */
@Factory
public class SharedPriming {

    /** Encodes and decodes the wire types on every request's path: the API Gateway event, answers, problems. */
    @Singleton
    @Named("json")
    PrimingStep json(ObjectMapper json) {
        return () -> {
            String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /priming\",\"rawPath\":\"/priming\",\"headers\":{\"content-type\":\"application/json\"},"
                    + "\"requestContext\":{\"requestId\":\"priming\",\"http\":{\"method\":\"GET\",\"path\":\"/priming\"}},\"isBase64Encoded\":false}";
            json.readValue(event, Argument.of(APIGatewayV2HTTPEvent.class));
            json.writeValueAsString(APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build());
            String stored = json.writeValueAsString(new ApiResponse(200, Map.of("Content-Type", "application/json"), "{}"));
            json.readValue(stored, Argument.of(ApiResponse.class));
            json.writeValueAsString(Problem.of(ProblemType.VALIDATION_FAILED, "priming", "priming", List.of()));
        };
    }

    /**
     * A strongly consistent read of a key that never exists in the idempotency table (a read has no side effect; the
     * key starts with the function's scope, so a policy limited to the function's own keys allows it),
     * and a Secrets Manager request built but not sent: the secret is fetched after restore, never into a snapshot.
     */
    @Singleton
    @Named("aws-sdk")
    PrimingStep awsSdk(BeanProvider<DynamoDbClient> dynamoDb, BeanProvider<SecretsManagerClient> secrets, IdempotencyConfig config) {
        return () -> {
            dynamoDb.get().getItem(r -> r.tableName(config.table()).consistentRead(true)
                    .key(Map.of("id", AttributeValue.fromS(config.scope() + "#priming-never-a-key"))));
            secrets.get();
            GetSecretValueRequest.builder().secretId("priming").build();
        };
    }

    /**
     * One request through Micronaut's HTTP client to a loopback port that nobody serves (opened and closed here),
     * which loads the client's whole request path without reaching any partner.
     */
    @Singleton
    @Named("http-client")
    PrimingStep httpClient() {
        return () -> {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            try (HttpClient client = HttpClient.create(URI.create("http://127.0.0.1:" + port).toURL())) {
                client.toBlocking().exchange(HttpRequest.GET("/priming"), String.class);
            } catch (RuntimeException expected) {
                // connection refused: the classes on the way are what we came for
            }
        };
    }
}
