package io.partnerlink.renewal.reliability;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.renewal.RenewalRunStoppedException;
import io.partnerlink.renewal.RenewalTestBed;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies down (issue 9, item 4) for renew-domain: on the HTTP route DynamoDB or Secrets Manager unreachable is
 * a clear 503 and no .ART call; the scheduled run fails its invocation (so EventBridge retries, then the failed-events
 * queue) without ordering. The same handler works again once the dependency is back. The .ART token endpoint down
 * is an outage too (503), unlike credentials it refuses (502).
 */
class RenewalDependenciesDownTest {

    static final String NAME = "deps.art";

    @Test
    void dynamoDbStoppedMidTestIs503StoreUnavailableWithNoArtCallAndTheSameHandlerRecovers() {
        try (RenewalTestBed bed = OnDemandBeds.holding(Map.of(), NAME, "warm.art")) {
            assertEquals(201, bed.renew("warm.art", "warm-key", null).status()); // token and secret now cached
            int artCalls = OnDemandBeds.artCalls(bed);

            bed.aws.stopDynamoDb();
            try {
                HttpAnswer down = bed.renew(NAME, "deps-key", null);
                CleanAnswers.assertProblem(down, 503, "store-unavailable");
                assertEquals(artCalls, OnDemandBeds.artCalls(bed), ".ART is never called without a record");
            } finally {
                bed.aws.startDynamoDb();
                bed.aws.createIdempotencyTable(bed.table); // DynamoDB Local is in memory: the restart emptied it
            }

            HttpAnswer after = bed.renew(NAME, "deps-key", null);
            assertEquals(201, after.status(), after.body());
            assertEquals(1, bed.ordersPlacedFor(NAME));
        }
    }

    @Test
    void dynamoDbStoppedFailsTheScheduledRunWithoutAnOrderAndTheNextRunOrders() {
        String due = RenewalTestBed.domain("due.art", "c-1", RenewalTestBed.expiresIn(Duration.ofDays(5)), 60, "renew");
        try (RenewalTestBed bed = new RenewalTestBed(Map.of()).withStore(due)) {
            bed.acceptsOrder("due.art", "o-due");
            bed.aws.stopDynamoDb();
            try {
                RenewalRunStoppedException stopped = assertThrows(RenewalRunStoppedException.class, () -> bed.run(RenewalTestBed.SCHEDULED));
                assertTrue(stopped.getMessage().startsWith("Renewal run stopped"), stopped.getMessage());
                assertEquals(0, bed.ordersPlacedFor("due.art"), "nothing ordered without a record");
            } finally {
                bed.aws.startDynamoDb();
                bed.aws.createIdempotencyTable(bed.table);
            }

            JsonNode summary = bed.run(RenewalTestBed.SCHEDULED);
            assertEquals(1, summary.get("ordered").size(), summary.toString());
            assertEquals(1, bed.ordersPlacedFor("due.art"));
        }
    }

    @Test
    void secretsManagerUnreachableIs503WithNoArtCallAndTheSameHandlerRecovers() {
        try (AwsEndpointProxy secrets = AwsEndpointProxy.to(LocalAws.get().secretsManagerEndpoint());
             RenewalTestBed bed = OnDemandBeds.holding(Map.of(), NAME)) {
            secrets.building("aws.endpointUrlSecretsManager", () -> bed.context().getBean(SecretsManagerClient.class));
            secrets.down();

            HttpAnswer down = bed.renew(NAME, "no-secrets", null);

            CleanAnswers.assertProblem(down, 503, "secrets-unavailable");
            assertEquals(0, OnDemandBeds.artCalls(bed), "nothing is sent to .ART without credentials");

            secrets.up();
            HttpAnswer after = bed.renew(NAME, "no-secrets", null);
            assertEquals(201, after.status(), after.body());
            assertEquals(1, bed.ordersPlacedFor(NAME));
            assertTrue(secrets.calls("secretsmanager.GetSecretValue") >= 1);
        }
    }

    @Test
    void artTokenEndpointDownIs503WithRetryAfterAndTheKeyIsReleased() {
        try (RenewalTestBed bed = OnDemandBeds.holding(Map.of("partner.retry.max-attempts", "1"), NAME)) {
            bed.stub(post(urlEqualTo(API + "/auth/token")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

            HttpAnswer down = bed.renew(NAME, "token-down", null);

            CleanAnswers.assertProblem(down, 503, "upstream-unavailable");
            assertEquals("7", down.header("Retry-After"));
            assertEquals(0, OnDemandBeds.orderPosts(bed));

            bed.stub(post(urlEqualTo(API + "/auth/token")).willReturn(okJson(OnDemandBeds.tokens())));
            HttpAnswer after = bed.renew(NAME, "token-down", null);
            assertEquals(201, after.status(), "the key was released, so the retry runs: " + after.body());
            assertEquals(1, bed.ordersPlacedFor(NAME));
        }
    }

    @Test
    void artRefusingOurCredentialsStays502UpstreamRejected() {
        try (RenewalTestBed bed = OnDemandBeds.holding(Map.of(), NAME)) {
            bed.stub(post(urlEqualTo(API + "/auth/token")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_credentials\"}")));

            HttpAnswer refused = bed.renew(NAME, "token-refused", null);

            CleanAnswers.assertProblem(refused, 502, "upstream-rejected");
            assertEquals(0, OnDemandBeds.orderPosts(bed));
        }
    }
}
