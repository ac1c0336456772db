package io.partnerlink.coupons.reliability;

import io.partnerlink.coupons.SyncSummary;
import io.partnerlink.coupons.SyncTestBed;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies down (issue 9, item 4) for sync-coupons: with DynamoDB or Secrets Manager unreachable the
 * invocation fails (error metric, EventBridge retries, then the failed-events queue) without a call to i-bonus or a
 * write, and the same handler syncs normally once the dependency is back.
 */
class CouponSyncDependenciesDownTest {

    static Map<String, String> settings() {
        return Map.of("coupons.sync.page-size", Integer.toString(SyncBeds.PAGE_SIZE));
    }

    @Test
    void dynamoDbStoppedFailsTheInvocationWithNoPartnerCallAndTheSameHandlerRecovers() {
        try (PartnerSandbox sandbox = PartnerSandbox.start();
             SyncTestBed bed = new SyncTestBed(sandbox.baseUrl(), settings())) {
            SyncBeds.threeClients(sandbox);
            bed.aws.stopDynamoDb();
            try {
                assertThrows(RuntimeException.class, bed::run);
                assertEquals(0, sandbox.wireMock().getAllServeEvents().size(), "i-bonus is not read when nothing can be recorded");
            } finally {
                bed.aws.startDynamoDb();
                SyncTestBed.createCouponsTable(bed.couponsTable); // DynamoDB Local is in memory: the restart emptied it
                bed.aws.createIdempotencyTable(bed.idempotencyTable);
            }

            SyncSummary after = bed.run();
            assertTrue(after.complete(), after.toString());
            assertEquals(4, after.created());
        }
    }

    @Test
    void secretsManagerUnreachableFailsTheInvocationWithNoPartnerCallAndTheSameHandlerRecovers() {
        try (PartnerSandbox sandbox = PartnerSandbox.start();
             AwsEndpointProxy secrets = AwsEndpointProxy.to(LocalAws.get().secretsManagerEndpoint());
             SyncTestBed bed = new SyncTestBed(sandbox.baseUrl(), settings())) {
            SyncBeds.threeClients(sandbox);
            secrets.building("aws.endpointUrlSecretsManager", () -> bed.context.getBean(SecretsManagerClient.class));
            secrets.down();

            assertThrows(RuntimeException.class, bed::run);
            assertEquals(0, sandbox.wireMock().getAllServeEvents().size(), "nothing is sent to i-bonus without credentials");
            assertTrue(bed.mirror().isEmpty());

            secrets.up();
            SyncSummary after = bed.run();
            assertTrue(after.complete(), after.toString());
            assertEquals(4, after.created());
            assertTrue(secrets.calls("secretsmanager.GetSecretValue") >= 1);
        }
    }
}
