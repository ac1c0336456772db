package io.partnerlink.coupons;

import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The i-bonus sandbox's issue-17 scenarios (infra/local/sandboxes/ibonus/mappings/scenarios.json), selected through
 * WireMock's admin API as the module README tells a user of the running stack, with the real handler.
 */
class SandboxScenariosTest {

    PartnerSandbox sandbox;
    SyncTestBed bed;

    @BeforeEach
    void start() {
        sandbox = PartnerSandbox.fromMappings(SandboxSyncTest.SANDBOX);
        bed = new SyncTestBed(sandbox.baseUrl(), Map.of());
    }

    @AfterEach
    void stop() {
        bed.close();
        sandbox.close();
    }

    void select(String state) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/__admin/scenarios/ibonus-clients/state"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, set.statusCode(), set.body());
        }
    }

    @Test
    void withPagesCappedAt50Over120ClientsASyncMirrorsAll120AndSaysCompleteOnlyThen() throws Exception {
        select("capped-pages");

        SyncSummary run = bed.run();

        assertTrue(run.complete(), run.toString());
        assertEquals(120, run.clientsScanned());
        assertEquals(120, bed.roster().size(), "every listed client is mirrored");
        assertEquals(0, run.errors().size(), run.errors().toString());
    }

    @Test
    void clientsGoneFromTheListHaveTheirCouponsMarkedOrphaned() throws Exception {
        SyncSummary first = bed.run();
        assertEquals(350, first.clientsScanned());
        select("vanished");

        SyncSummary second = bed.run();

        assertTrue(second.complete());
        assertEquals(340, second.clientsScanned());
        assertEquals(10, second.clientsVanished());
        long orphanedItems = bed.mirror().values().stream().filter(i -> "coupon".equals(i.get("kind").s())
                && "orphaned".equals(i.get("status").s())).count();
        assertEquals(orphanedItems, second.orphaned());
        assertTrue(orphanedItems > 0);
        assertEquals(10, bed.roster().values().stream().filter(marked -> marked).count());
    }

    @Test
    void aRepeatedOrOversizedPageEndsTheRunIncompleteWithItsError() throws Exception {
        select("repeating-page");
        SyncSummary repeated = bed.run();
        assertFalse(repeated.complete());
        assertTrue(repeated.errors().getFirst().message().endsWith("the page repeats the previous one (offset ignored?)"), repeated.errors().toString());

        select("oversized-page");
        SyncSummary oversized = bed.run();
        assertFalse(oversized.complete());
        assertEquals("client list at offset 0: 101 clients arrived for a limit of 100", oversized.errors().getFirst().message());
        assertEquals(0, oversized.clientsVanished());
    }
}
