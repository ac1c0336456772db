package io.partnerlink.ordertoken.reliability;

import io.partnerlink.ordertoken.OrderTokenFixture;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies down (issue 9, item 4) for the webhook: DynamoDB or Secrets Manager unreachable is a clear 503 and
 * no Vitec call, and the same handler works again once the dependency is back.
 */
class OrderTokenDependenciesDownTest {

    static OrderTokenFixture withTicket(OrderTokenFixture f) {
        f.stub(post(urlPathEqualTo("/Service/Order/Token/M100"))
                .willReturn(okJson("{\"orderId\":\"O-3\",\"customerId\":\"M100\",\"hasExpired\":false}")));
        return f;
    }

    static String token() {
        String token = "deps-token-" + UUID.randomUUID();
        Leaks.watch(token);
        return token;
    }

    @Test
    void dynamoDbStoppedMidTestIs503StoreUnavailableWithNoVitecCallAndTheSameHandlerRecovers() {
        try (OrderTokenFixture f = withTicket(new OrderTokenFixture())) {
            assertEquals(200, f.deliver(OrderTokenFixture.body("M100", token())).status()); // secrets now cached
            String delivery = OrderTokenFixture.body("M100", token());

            f.aws.stopDynamoDb();
            try {
                HttpAnswer down = f.deliver(delivery);
                CleanAnswers.assertProblem(down, 503, "store-unavailable");
                assertEquals(1, f.vitecCalls(), "Vitec is never called without a record");
            } finally {
                f.aws.startDynamoDb();
                f.aws.createIdempotencyTable(f.table); // DynamoDB Local is in memory: the restart emptied it
            }

            HttpAnswer after = f.deliver(delivery);
            assertEquals(200, after.status(), after.body());
            assertEquals(2, f.vitecCalls());
        }
    }

    @Test
    void secretsManagerUnreachableIs503WithNoVitecCallAndTheSameHandlerRecovers() {
        try (AwsEndpointProxy secrets = AwsEndpointProxy.to(LocalAws.get().secretsManagerEndpoint());
             OrderTokenFixture f = withTicket(new OrderTokenFixture(PartnerSandbox.start(), true, Map.of()))) {
            secrets.building("aws.endpointUrlSecretsManager", () -> f.context.getBean(SecretsManagerClient.class));
            secrets.down();
            String delivery = OrderTokenFixture.body("M100", token());

            HttpAnswer down = f.deliver(delivery);

            CleanAnswers.assertProblem(down, 503, "secrets-unavailable");
            assertEquals(0, f.vitecCalls());
            assertEquals(0, f.records(), "the signature could not be checked: nothing recorded");

            secrets.up();
            HttpAnswer after = f.deliver(delivery);
            assertEquals(200, after.status(), after.body());
            assertEquals(1, f.vitecCalls());
            assertTrue(secrets.calls("secretsmanager.GetSecretValue") >= 2, "webhook and Vitec secrets read through the proxy");
        }
    }
}
