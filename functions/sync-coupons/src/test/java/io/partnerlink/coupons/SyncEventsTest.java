package io.partnerlink.coupons;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.ibonus.Coupon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one event shape: EventBridge's envelope or a manual event, read strictly. */
class SyncEventsTest {

    static ApplicationContext context;
    static SyncEvents events;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().environments("test").start();
        events = context.getBean(SyncEvents.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static SyncRequest parse(String json) {
        return events.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAScheduledEvent() {
        String id = UUID.randomUUID().toString();
        SyncRequest request = parse(SyncTestBed.scheduledEvent(id));
        assertEquals(new SyncRequest(id, true, null, null, false), request);
        assertEquals("all", request.scope());
    }

    @Test
    void readsAManualEventWithOptionsAtTheTopOrInDetail() {
        assertEquals(new SyncRequest(null, false, "%@vip.example", null, false), parse("{\"email\":\"%@vip.example\"}"));
        assertEquals(new SyncRequest("ops-1", false, null, "7912%", true), parse("{\"id\":\"ops-1\",\"phone\":\"7912%\",\"fullResync\":true}"));
        assertEquals(new SyncRequest("e-1", false, "a@b.c", null, false),
                parse("{\"id\":\"e-1\",\"source\":\"partnerlink.ops\",\"detail-type\":\"Sync coupons\",\"detail\":{\"email\":\"a@b.c\"}}"));
        assertEquals(new SyncRequest(null, false, null, null, false), parse("{}"));
    }

    @Test
    void theSampleEventsAreAccepted() throws Exception {
        Path dir = Path.of("../../infra/events");
        assertEquals(new SyncRequest("5a2c1e9b-8f0d-4c3a-9e57-2b6f1d0c7a41", true, null, null, false),
                events.parse(Files.readAllBytes(dir.resolve("sync-coupons-scheduled.json"))));
        assertEquals(new SyncRequest("manual-vip-2025-03-01", false, "%@vip.example", null, false),
                events.parse(Files.readAllBytes(dir.resolve("sync-coupons-manual.json"))));
        assertEquals(new SyncRequest(null, false, null, null, true),
                events.parse(Files.readAllBytes(dir.resolve("sync-coupons-full-resync.json"))));
    }

    @Test
    void eachFilterHasItsOwnCheckpointScope() {
        String vip = parse("{\"email\":\"%@vip.example\"}").scope();
        assertTrue(vip.startsWith("filter-"), vip);
        assertEquals(vip, parse("{\"email\":\"%@vip.example\",\"fullResync\":true}").scope());
        assertNotEquals(vip, parse("{\"phone\":\"7912%\"}").scope());
    }

    @Test
    void theStrictReadingStaysWithTheEvent() throws Exception {
        // merchantToken is "six digits": should i-bonus send it as a number, it still reads (as text).
        Coupon coupon = context.getBean(ObjectMapper.class).readValue(
                "{\"id\":1,\"expireDate\":1,\"merchantToken\":123456}", Argument.of(Coupon.class));
        assertEquals("123456", coupon.merchantToken());
    }

    @Test
    void namesTheProblemOfABadEvent() {
        assertTrue(assertThrows(InvalidSyncEventException.class, () -> parse("{\"emial\":\"x\"}")).getMessage().contains("emial"));
        assertTrue(assertThrows(InvalidSyncEventException.class, () -> parse("{\"fullResync\":\"yes\"}")).getMessage().contains("fullResync"));
        assertTrue(assertThrows(InvalidSyncEventException.class, () -> parse("{\"phone\":\"+7 912\"}")).getMessage()
                .contains("phone must be 1 to 32 digits or %"));
        assertThrows(InvalidSyncEventException.class, () -> parse("{\"email\":\"" + "a".repeat(255) + "\"}"));
        assertThrows(InvalidSyncEventException.class, () -> parse(" ".repeat(SyncEvents.MAX_EVENT_BYTES + 1)));
    }
}
