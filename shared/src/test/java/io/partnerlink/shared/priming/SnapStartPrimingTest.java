package io.partnerlink.shared.priming;

import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priming before a (simulated) checkpoint runs every step and changes nothing at a partner or table. */
class SnapStartPrimingTest {

    @Test
    void primingRunsEveryStepWithoutSideEffects() {
        LocalAws aws = LocalAws.get();
        String table = "prime-" + UUID.randomUUID();
        aws.createIdempotencyTable(table);
        try (PartnerSandbox partner = PartnerSandbox.start();
             ApplicationContext context = ApplicationContext.builder().environments("test").properties(Map.of(
                     "idempotency.table", table, "crac.enabled", "true",
                     "micronaut.http.services.partner.url", partner.baseUrl())).start()) {
            int writes = AwsCalls.count("PutItem") + AwsCalls.count("UpdateItem") + AwsCalls.count("DeleteItem");
            int reads = AwsCalls.count("GetItem");
            int secretReads = AwsCalls.count("GetSecretValue");

            context.getBean(CheckpointSimulator.class).runBeforeCheckpoint();

            assertEquals(3, context.getBean(SnapStartPriming.class).prime(), "every shared step succeeds");
            assertTrue(AwsCalls.count("GetItem") > reads, "the SDK path was exercised");
            assertEquals(writes, AwsCalls.count("PutItem") + AwsCalls.count("UpdateItem") + AwsCalls.count("DeleteItem"));
            assertEquals(secretReads, AwsCalls.count("GetSecretValue"), "no secret is fetched into a snapshot");
            assertEquals(0, partner.count(anyRequestedFor(anyUrl())), "no partner call");
            assertEquals(0, aws.scan(table).size());
        }
    }
}
