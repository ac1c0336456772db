package io.partnerlink.renewal.reliability;

import io.partnerlink.renewal.RenewalTestBed;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.TestLambdaContext;
import io.partnerlink.renewal.RenewalRoutes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.partnerlink.renewal.reliability.OnDemandBeds.orderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash consistency of renew-domain (issue 9, item 3). The Lambda "dies" after .ART accepted the renewal order and
 * before our records were completed (a proxy drops exactly those DynamoDB writes). .ART takes no client key, so the
 * next delivery after the dead run's deadline must find the order open at .ART and record it, not order again.
 */
class RenewalCrashConsistencyTest {

    static final String NAME = "crash.art";
    static final Duration LAMBDA_TIME = Duration.ofSeconds(20);

    @Test
    void theDeliveryAfterARunDiedBeforeRecordingFindsTheOpenOrderAndOrdersNothing() {
        try (AwsEndpointProxy store = AwsEndpointProxy.to(LocalAws.get().dynamoDbEndpoint());
             RenewalTestBed bed = OnDemandBeds.holding(Map.of(), NAME)) {
            store.building("aws.endpointUrlDynamoDb", () -> bed.context().getBean(DynamoDbClient.class));
            store.dropCalls("DynamoDB_20120810.PutItem", "\"COMPLETED\"");
            ApiEvents request = ApiEvents.request("POST", "/domains/" + NAME + "/renewals").route(RenewalRoutes.RENEW)
                    .pathParameter("domain", NAME).header("Idempotency-Key", "crash-key");

            FunctionInvoker.invoke(bed.handler, request.toJson(), new TestLambdaContext("renew-domain", LAMBDA_TIME));

            assertEquals(1, bed.ordersPlacedFor(NAME), ".ART accepted the order");
            assertEquals(List.of("INPROGRESS", "INPROGRESS"), bed.aws.scan(bed.table).stream().map(r -> r.get("status").s()).toList(),
                    "the run died with both records (the request's and the expiry date's) in progress");
            store.up();
            bed.hasOpenOrder(NAME, orderId(NAME), "unpaid"); // .ART now lists the order it accepted

            HttpAnswer tooEarly = bed.renew(request);
            CleanAnswers.assertProblem(tooEarly, 409, "request-in-progress");

            bed.clock().advance(LAMBDA_TIME.plusSeconds(1));
            HttpAnswer next = bed.renew(request);

            CleanAnswers.assertClean(next);
            assertEquals(200, next.status(), next.body());
            assertNull(next.header("Idempotent-Replayed"));
            assertEquals("open-order", next.json().get("status").getStringValue());
            assertEquals(orderId(NAME), next.json().get("orderId").getStringValue());
            assertEquals(1, bed.ordersPlacedFor(NAME), "no second order at .ART");
            assertEquals(List.of("COMPLETED", "COMPLETED"), bed.aws.scan(bed.table).stream().map(r -> r.get("status").s()).toList());

            HttpAnswer replay = bed.renew(request);
            assertEquals("true", replay.header("Idempotent-Replayed"));
            assertEquals(next.body(), replay.body());
            assertEquals(1, bed.ordersPlacedFor(NAME));
            assertTrue(store.calls("DynamoDB_20120810.PutItem") >= 4, "the function's store calls went through the proxy");
        }
    }
}
