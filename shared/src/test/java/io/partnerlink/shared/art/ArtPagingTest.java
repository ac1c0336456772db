package io.partnerlink.shared.art;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, points 1 and 5, on the paging rule and the timestamp reader themselves (the handler-level proofs, through
 * WireMock, are in renew-domain's {@code PartnerListingTest}): the offset follows what arrived, and every way a list
 * can leave its end uncertain is an error naming it, never a short list.
 */
class ArtPagingTest {

    /** A partner serving {@code size} items ids "i0".. at most {@code cap} per page; records the offsets asked. */
    static IntFunction<ArtPage<String>> capped(int size, int cap, List<Integer> asked) {
        return offset -> {
            asked.add(offset);
            List<String> page = new ArrayList<>();
            for (int i = offset; i < Math.min(size, offset + cap); i++) {
                page.add("i" + i);
            }
            return new ArtPage<>((long) size, page);
        };
    }

    @Test
    void aServerCappingPagesBelowTheLimitIsPagedByWhatArrived() {
        List<Integer> asked = new ArrayList<>();
        List<String> all = ArtPage.collect("domains", 100, s -> s, capped(45, 20, asked));
        assertEquals(45, all.size());
        assertEquals(List.of(0, 20, 40), asked, "offset += items received, not += limit");
    }

    @Test
    void aListEndsAtItsTotalWithoutAskingForAnEmptyPage() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(40, ArtPage.collect("domains", 20, s -> s, capped(40, 20, asked)).size());
        assertEquals(List.of(0, 20), asked);
        assertEquals(List.of(), ArtPage.<String>collect("domains", 20, s -> s, offset -> new ArtPage<>(0L, List.<String>of())));
    }

    @Test
    void everyUncertainEndIsAnErrorNamingTheProblem() {
        Map<String, IntFunction<ArtPage<String>>> bad = Map.of(
                "no total", offset -> new ArtPage<>(null, List.of("a")),
                "negative total -1", offset -> new ArtPage<>(-1L, List.of("a")),
                "3 items arrived for a limit of 2", offset -> new ArtPage<>(5L, List.of("a", "b", "c")),
                "item 1 has no id", offset -> new ArtPage<>(5L, Arrays.asList("a", null)),
                "repeats the previous one", offset -> new ArtPage<>(5L, List.of("a", "b")),
                "id b was listed before", offset -> new ArtPage<>(5L, offset == 0 ? List.of("a", "b") : List.of("c", "b")),
                "an empty page before the total of 5", offset -> new ArtPage<>(5L, offset == 0 ? List.of("a", "b") : List.of()),
                "above the bound", offset -> new ArtPage<>((long) ArtPage.MAX_ITEMS + 1, List.of("a")));
        bad.forEach((problem, partner) -> {
            ArtListingException e = assertThrows(ArtListingException.class, () -> ArtPage.collect("orders", 2, s -> s, partner), problem);
            assertTrue(e.getMessage().contains(problem), e.getMessage());
            assertTrue(e.getMessage().startsWith("art orders could not be read to its end"), e.getMessage());
        });
    }

    @Test
    void aListThatNeverEndsStopsAtTheBound() {
        List<Integer> asked = new ArrayList<>();
        IntFunction<ArtPage<String>> endless = offset -> {
            asked.add(offset);
            return new ArtPage<>((long) offset + 2, List.of("x" + offset)); // one fresh item per page, the total always ahead
        };
        ArtListingException e = assertThrows(ArtListingException.class, () -> ArtPage.collect("domains", 1, s -> s, endless));
        assertTrue(e.getMessage().contains("above the bound") || e.getMessage().contains("did not end"), e.getMessage());
        assertTrue(asked.size() <= ArtPage.MAX_ITEMS, "bounded: " + asked.size());
    }

    @Test
    void timestampsInTheDocumentedFormAndZAndColonOffsetsWithFractions() {
        OffsetDateTime expected = OffsetDateTime.of(2019, 7, 25, 13, 18, 46, 0, ZoneOffset.UTC);
        for (String text : List.of("2019-07-25T13:18:46+0000", "2019-07-25T13:18:46Z", "2019-07-25T13:18:46+00:00",
                "2019-07-25T16:18:46+0300", "2019-07-25T16:18:46+03:00")) {
            assertEquals(expected.toInstant(), ArtTimestamps.parse(text).toInstant(), text);
        }
        assertEquals(expected.plusNanos(123_000_000).toInstant(), ArtTimestamps.parse("2019-07-25T13:18:46.123Z").toInstant());
        assertEquals(expected.plusNanos(123_456_789).toInstant(), ArtTimestamps.parse("2019-07-25T13:18:46.123456789+0000").toInstant());
        assertEquals("2019-07-25T13:18:46+0000", ArtTimestamps.format(ArtTimestamps.parse("2019-07-25T16:18:46+03:00")));
        assertNull(ArtTimestamps.parse("expired_at", null));
    }

    @Test
    void anythingElseIsAnErrorForThatOneField() {
        for (String text : List.of("2019-07-25T13:18:46", "2019-07-25 13:18:46Z", "2019-07-25", "2019-02-30T00:00:00Z",
                "1564060726", "", "2019-07-25T13:18:46+03")) {
            ArtTimestamps.ArtTimestampException e = assertThrows(ArtTimestamps.ArtTimestampException.class,
                    () -> ArtTimestamps.parse("expired_at", text), text);
            assertTrue(e.getMessage().startsWith("expired_at '"), e.getMessage());
        }
    }
}
