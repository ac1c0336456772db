package io.partnerlink.giftorder.reliability;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.partnerlink.giftorder.GiftOrderFixture;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.FUNCTION;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash consistency of issue-gift-order (issue 9, item 3). The Lambda "dies" between vektor-adv's success and the
 * write of our completed record: the function's DynamoDB client reaches DynamoDB Local through a proxy that drops
 * exactly that write, so the in-progress record is left behind as a killed run would leave it. vektor-adv here
 * behaves as the orderId contract expects: the first request creates the order, a repeat of the orderId is
 * "already exists". The next delivery must not create a second order.
 */
class GiftOrderCrashConsistencyTest {

    static final Duration LAMBDA_TIME = Duration.ofSeconds(20);

    @Test
    void theDeliveryAfterARunDiedBeforeRecordingReusesTheOrderIdAndCreatesNoSecondOrder() {
        try (AwsEndpointProxy store = AwsEndpointProxy.to(LocalAws.get().dynamoDbEndpoint());
             GiftOrderFixture f = new GiftOrderFixture()) {
            store.building("aws.endpointUrlDynamoDb", () -> f.context.getBean(DynamoDbClient.class));
            f.stub(post(urlEqualTo("/api/orders")).inScenario("vektor").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson("{\"status\":\"accepted\"}")).willSetStateTo("created"));
            f.stub(post(urlEqualTo("/api/orders")).inScenario("vektor").whenScenarioStateIs("created")
                    .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                            .withBody("{\"message\":\"Order already exists\"}")));
            String key = "crash-1";
            String orderId = f.orderIdFor(key, order(HOFF, 2));
            store.dropCalls("DynamoDB_20120810.PutItem", "\"COMPLETED\"");

            f.placeOrder(key, order(HOFF, 2), new TestLambdaContext(FUNCTION, LAMBDA_TIME)); // its answer never reaches anyone

            assertTrue(store.calls("DynamoDB_20120810.PutItem") >= 2, "the function's store calls went through the proxy");
            assertEquals(1, f.orderCalls(), "vektor-adv accepted the order");
            assertEquals(List.of("INPROGRESS"), f.records().stream().map(r -> r.get("status").s()).toList(),
                    "the run died with its record in progress");
            store.up();

            HttpAnswer tooEarly = f.placeOrder(key, order(HOFF, 2));
            CleanAnswers.assertProblem(tooEarly, 409, "request-in-progress");
            assertEquals(1, f.orderCalls(), "no partner call while the dead run's deadline has not passed");

            f.advance(LAMBDA_TIME.plusSeconds(1));
            HttpAnswer next = f.placeOrder(key, order(HOFF, 2));

            CleanAnswers.assertClean(next);
            assertEquals(201, next.status(), next.body());
            assertNull(next.header("Idempotent-Replayed"));
            assertEquals(orderId, next.json().get("orderId").getStringValue());
            assertEquals(List.of(orderId, orderId), f.orderIdsSent(), "the re-run sends the same partner-side key");
            assertEquals(1, ordersCreated(f), "vektor-adv created one order; the repeat was 'already exists'");
            assertEquals(List.of("COMPLETED"), f.records().stream().map(r -> r.get("status").s()).toList());

            HttpAnswer replay = f.placeOrder(key, order(HOFF, 2));
            assertEquals("true", replay.header("Idempotent-Replayed"));
            assertEquals(next.body(), replay.body());
            assertEquals(2, f.orderCalls());
        }
    }

    private static long ordersCreated(GiftOrderFixture f) {
        return f.vektor.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/api/orders"))
                .map(ServeEvent::getResponse).filter(r -> r.getStatus() == 200).count();
    }
}
