package io.partnerlink.ordertoken.reliability;

import io.partnerlink.ordertoken.OrderTokenFixture;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestClock;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash consistency of redeem-order-token (issue 9, item 3). The Lambda "dies" after Vitec answered the ticket and
 * before our record was completed (a proxy drops exactly that DynamoDB write). Redeeming is a read at Vitec, so the
 * delivery after the dead run's deadline may ask Vitec again; it must answer the same ticket and record it once.
 */
class OrderTokenCrashConsistencyTest {

    static final Duration LAMBDA_TIME = Duration.ofSeconds(20);

    @Test
    void theDeliveryAfterARunDiedBeforeRecordingAnswersTheSameTicketAndRecordsItOnce() {
        String token = "crash-token-" + UUID.randomUUID();
        Leaks.watch(token);
        try (AwsEndpointProxy store = AwsEndpointProxy.to(LocalAws.get().dynamoDbEndpoint());
             OrderTokenFixture f = new OrderTokenFixture(PartnerSandbox.start(), true, Map.of())) {
            store.building("aws.endpointUrlDynamoDb", () -> f.context.getBean(DynamoDbClient.class));
            f.stub(post(urlPathEqualTo("/Service/Order/Token/M100"))
                    .willReturn(okJson("{\"orderId\":\"O-9\",\"customerId\":\"M100\",\"hasExpired\":false}")));
            String delivery = OrderTokenFixture.body("M100", token);
            store.dropCalls("DynamoDB_20120810.PutItem", "\"COMPLETED\"");

            FunctionInvoker.invoke(f.handler, f.signedEvent(delivery, OrderTokenFixture.SIGNING_SECRET, f.now()).toJson(),
                    new TestLambdaContext("redeem-order-token", LAMBDA_TIME)); // its answer never reaches the sender

            assertEquals(1, f.vitecCalls());
            assertEquals(List.of("INPROGRESS"), LocalAws.get().scan(f.table).stream().map(r -> r.get("status").s()).toList());
            store.up();

            HttpAnswer tooEarly = f.deliver(delivery);
            CleanAnswers.assertProblem(tooEarly, 409, "request-in-progress");
            assertEquals(1, f.vitecCalls());

            f.context.getBean(TestClock.class).advance(LAMBDA_TIME.plusSeconds(1));
            HttpAnswer next = f.deliver(delivery);

            CleanAnswers.assertClean(next);
            assertEquals(200, next.status(), next.body());
            assertNull(next.header("Idempotent-Replayed"));
            assertEquals("O-9", next.json().get("orderId").getStringValue());
            assertEquals(2, f.vitecCalls(), "the take-over reads the ticket again");
            assertEquals(List.of("COMPLETED"), LocalAws.get().scan(f.table).stream().map(r -> r.get("status").s()).toList());

            HttpAnswer replay = f.deliver(delivery);
            assertEquals("true", replay.header("Idempotent-Replayed"));
            assertEquals(next.body(), replay.body());
            assertEquals(2, f.vitecCalls());
            assertTrue(store.calls("DynamoDB_20120810.PutItem") >= 3, "the function's store calls went through the proxy");
        }
    }
}
