package io.partnerlink.coupons;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local sandbox (infra/local/sandboxes/ibonus, the mappings the local runner serves): a full run mirrors every
 * generated coupon and balance, a second run writes nothing. Logs clients per second for the data set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxSyncTest {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSyncTest.class);
    static final Path SANDBOX = Path.of("../../infra/local/sandboxes/ibonus");

    static PartnerSandbox sandbox;
    static SyncTestBed bed;
    static Map<String, Integer> manifest;

    @BeforeAll
    static void start() throws Exception {
        sandbox = PartnerSandbox.fromMappings(SANDBOX);
        bed = new SyncTestBed(sandbox.baseUrl(), Map.of());
        manifest = bed.context.getBean(ObjectMapper.class).readValue(Files.readString(SANDBOX.resolve("__files/manifest.json")),
                Argument.mapOf(String.class, Integer.class));
    }

    @AfterAll
    static void stop() {
        bed.close();
        sandbox.close();
    }

    static SyncSummary timedRun(String what) {
        long started = System.nanoTime();
        SyncSummary summary = bed.invoke(SyncTestBed.scheduledEvent(UUID.randomUUID().toString()),
                new TestLambdaContext("SyncCouponsFunction", Duration.ofMinutes(5)));
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Sandbox {}: {} clients in {} s = {} clients/s ({} writes, concurrency {})", what, summary.clientsScanned(),
                String.format("%.2f", seconds), String.format("%.0f", summary.clientsScanned() / seconds), summary.writes(),
                bed.context.getBean(SyncConfig.class).concurrency());
        return summary;
    }

    static long count(Map<String, Map<String, AttributeValue>> mirror, String kind, String status) {
        return mirror.values().stream().filter(i -> i.get("kind").s().equals(kind) && i.get("status").s().equals(status)).count();
    }

    @Test
    @Order(1)
    void aFullRunMirrorsEveryCouponAndBalance() {
        SyncSummary first;
        try (LogCapture logs = LogCapture.attach()) {
            first = timedRun("first run");
            assertEquals(manifest.get("clients") / 100, logs.linesContaining("Sync progress: ").size(), "a line every 100 clients");
        }

        assertTrue(first.complete());
        assertEquals(List.of(), first.errors());
        assertEquals(manifest.get("clients"), first.clientsScanned());
        assertEquals(manifest.get("coupons"), first.couponsSeen());
        assertEquals(manifest.get("coupons"), first.created());
        assertEquals(manifest.get("balances"), first.balancesUpdated());
        assertEquals(manifest.get("coupons") + manifest.get("balances"), first.writes());
        Map<String, Map<String, AttributeValue>> mirror = bed.mirror();
        assertEquals((long) manifest.get("activeCoupons"), count(mirror, "coupon", "active"));
        assertEquals((long) manifest.get("expiredCoupons"), count(mirror, "coupon", "expired"));
        assertEquals((long) manifest.get("balances"), count(mirror, "balance", "active"));
        assertEquals((long) manifest.get("pages") + 1, sandbox.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/ext/api/v1/clients/?")).count(), "paged until the empty page");
    }

    @Test
    @Order(2)
    void aSecondRunWritesNothing() {
        Map<String, Map<String, AttributeValue>> before = bed.mirror();
        int writes = SyncTestBed.writeCalls();

        SyncSummary second = timedRun("second run");

        assertTrue(second.complete());
        assertEquals(0, second.writes());
        assertEquals(manifest.get("coupons"), second.unchanged());
        assertEquals(4, SyncTestBed.writeCalls() - writes, "idempotency claim and result, checkpoint lease and delete");
        assertEquals(before, bed.mirror());
    }

    @Test
    @Order(3)
    void aManualRunNarrowedByAnEmailPatternSendsTheWildcardEncoded() {
        sandbox.wireMock().resetRequests();

        SyncSummary vip = bed.invoke("{\"email\":\"%@vip.example\"}", TestLambdaContext.of("SyncCouponsFunction"));

        assertTrue(vip.complete());
        assertEquals(manifest.get("vipClients"), vip.clientsScanned());
        assertEquals(0, vip.writes());
        assertEquals(1, sandbox.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/ext/api/v1/clients/?email=%25%40vip.example&offset=0&limit=100")).count());
    }
}
