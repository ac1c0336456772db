package io.partnerlink.coupons.reliability;

import io.partnerlink.coupons.IbonusFake;
import io.partnerlink.coupons.SyncSummary;
import io.partnerlink.coupons.SyncTestBed;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash consistency of sync-coupons (issue 9, item 3). The Lambda "dies" after the run mirrored everything and
 * before it recorded its summary under the event id (a proxy drops exactly that DynamoDB write). EventBridge
 * redelivers the event: while the dead run's deadline lasts the delivery is refused (the invocation fails and is
 * retried later); after it, the run is taken over and writes nothing, because every item is already as i-bonus has
 * it. The mirror's writes are the side effect, and none happens twice.
 */
class CouponSyncCrashConsistencyTest {

    static final Duration LAMBDA_TIME = Duration.ofSeconds(60);

    @Test
    void theRedeliveryAfterARunDiedBeforeRecordingWritesNothingTwice() {
        try (PartnerSandbox sandbox = PartnerSandbox.start();
             AwsEndpointProxy store = AwsEndpointProxy.to(LocalAws.get().dynamoDbEndpoint());
             SyncTestBed bed = new SyncTestBed(sandbox.baseUrl(), Map.of("coupons.sync.page-size", Integer.toString(SyncBeds.PAGE_SIZE)))) {
            IbonusFake ibonus = SyncBeds.threeClients(sandbox);
            store.building("aws.endpointUrlDynamoDb", () -> bed.context.getBean(DynamoDbClient.class));
            store.dropCalls("DynamoDB_20120810.PutItem", "\"COMPLETED\"");
            String event = SyncTestBed.scheduledEvent(UUID.randomUUID().toString());

            SyncSummary died = bed.invoke(event, new TestLambdaContext("SyncCouponsFunction", LAMBDA_TIME)); // never recorded
            Map<String, Map<String, AttributeValue>> mirrored = bed.mirror();
            assertEquals(4, died.created());
            assertEquals(List.of("INPROGRESS"), bed.aws.scan(bed.idempotencyTable).stream().map(r -> r.get("status").s()).toList());
            assertTrue(store.calls("DynamoDB_20120810.PutItem") >= 5, "the function's writes (claim, mirror, completion) went through the proxy");
            store.up();
            int partnerCalls = sandbox.wireMock().getAllServeEvents().size();

            assertThrows(RuntimeException.class, () -> bed.invoke(event, new TestLambdaContext("SyncCouponsFunction", LAMBDA_TIME)),
                    "the redelivery fails while the first run may still be going; EventBridge retries it");
            assertEquals(partnerCalls, sandbox.wireMock().getAllServeEvents().size());

            bed.clock.advance(LAMBDA_TIME.plusSeconds(1));
            SyncSummary takenOver = bed.invoke(event, new TestLambdaContext("SyncCouponsFunction", LAMBDA_TIME));

            assertTrue(takenOver.complete());
            assertEquals(0, takenOver.writes(), "everything was already mirrored: nothing written twice");
            assertEquals(mirrored, bed.mirror());
            assertEquals(List.of("COMPLETED"), bed.aws.scan(bed.idempotencyTable).stream().map(r -> r.get("status").s()).toList());

            int callsBeforeReplay = sandbox.wireMock().getAllServeEvents().size();
            assertEquals(takenOver, bed.invoke(event, new TestLambdaContext("SyncCouponsFunction", LAMBDA_TIME)), "replayed");
            assertEquals(callsBeforeReplay, sandbox.wireMock().getAllServeEvents().size());
            assertEquals(4, ibonus.coupons.values().stream().mapToInt(List::size).sum());
        }
    }
}
