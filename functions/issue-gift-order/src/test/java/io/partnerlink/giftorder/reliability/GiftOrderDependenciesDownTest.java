package io.partnerlink.giftorder.reliability;

import io.partnerlink.giftorder.GiftOrderFixture;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies down (issue 9, item 4): DynamoDB or Secrets Manager unreachable is a clear 503 and no partner
 * call, and the same handler (the same warm container) works again once the dependency is back.
 */
class GiftOrderDependenciesDownTest {

    @Test
    void dynamoDbStoppedMidTestIs503StoreUnavailableWithNoPartnerCallAndTheSameHandlerRecovers() {
        try (GiftOrderFixture f = new GiftOrderFixture()) {
            assertEquals(201, f.placeOrder("before", order(HOFF, 1)).status()); // token, catalogue and secret now cached
            int partnerCalls = f.partnerCalls();

            f.aws.stopDynamoDb();
            try {
                HttpAnswer down = f.placeOrder("while-down", order(HOFF, 1));
                CleanAnswers.assertProblem(down, 503, "store-unavailable");
                assertEquals(partnerCalls, f.partnerCalls(), "the partner is never called without a record");
            } finally {
                f.aws.startDynamoDb();
                f.aws.createIdempotencyTable(f.table); // DynamoDB Local is in memory: the restart emptied it
            }

            HttpAnswer after = f.placeOrder("while-down", order(HOFF, 1));
            assertEquals(201, after.status(), after.body());
            assertEquals(partnerCalls + 1, f.partnerCalls(), "one order call once the store is back, nothing else");
            assertEquals(2, f.orderCalls());
        }
    }

    @Test
    void secretsManagerUnreachableIs503WithNoPartnerCallAndTheSameHandlerRecovers() {
        try (AwsEndpointProxy secrets = AwsEndpointProxy.to(LocalAws.get().secretsManagerEndpoint());
             GiftOrderFixture f = new GiftOrderFixture()) {
            secrets.building("aws.endpointUrlSecretsManager", () -> f.context.getBean(SecretsManagerClient.class));
            secrets.down();

            HttpAnswer down = f.placeOrder("no-secrets", order(HOFF, 1));

            CleanAnswers.assertProblem(down, 503, "secrets-unavailable");
            assertEquals(0, f.partnerCalls(), "nothing is sent to the partner without credentials");
            assertEquals(0, f.records().size(), "not stored: a retry with the same key runs again");

            secrets.up();
            HttpAnswer after = f.placeOrder("no-secrets", order(HOFF, 1));
            assertEquals(201, after.status(), after.body());
            assertEquals(1, f.orderCalls());
            assertTrue(secrets.calls("secretsmanager.GetSecretValue") >= 1, "the function read its secret through the proxy");
        }
    }
}
