package io.partnerlink.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The statistics and the class-count parsing the report is built from (no timing is asserted anywhere). */
class StatsTest {

    @Test
    void medianOfOddAndEvenSamples() {
        assertEquals(3, Stats.of(List.of(5, 1, 3)).median());
        assertEquals(2.5, Stats.of(List.of(4, 1, 3, 2)).median());
    }

    @Test
    void minMaxAndNearestRankPercentiles() {
        double[] sample = new double[100];
        for (int i = 0; i < 100; i++) {
            sample[i] = 100 - i; // 100..1, unsorted on purpose
        }
        Stats stats = Stats.of(sample);
        assertEquals(1, stats.min());
        assertEquals(100, stats.max());
        assertEquals(50, stats.p50());
        assertEquals(99, stats.p99());
        assertEquals(100, stats.count());
    }

    @Test
    void p99OfASmallSampleIsItsMaximum() {
        assertEquals(9, Stats.of(List.of(1, 9, 2)).p99());
    }

    @Test
    void emptySampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[0]));
    }

    @Test
    void classesAreCountedUpToTheResponseMarkerAndGroupedByLibrary() {
        Map<String, Integer> counted = Footprint.count(List.of(
                "[0.222s][info][class,load] java.lang.Object source: shared objects file",
                "io.micronaut.context.DefaultApplicationContext source: file:/f.jar",
                "io.partnerlink.bench.host.ColdHost source: file:/host.jar",
                "software.amazon.awssdk.core.SdkBytes source: file:/f.jar",
                "io.partnerlink.bench.host.ResponseMarker source: file:/host.jar",
                "java.lang.management.ManagementFactory source: jrt:/java.management"));
        assertEquals(3, counted.get("total"));
        assertEquals(1, counted.get("jdk"));
        assertEquals(1, counted.get("micronaut"));
        assertEquals(1, counted.get("aws-sdk"));
    }
}
