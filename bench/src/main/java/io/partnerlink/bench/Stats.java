package io.partnerlink.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a sample: median, minimum, nearest-rank percentiles. */
public record Stats(int count, double min, double median, double p50, double p99, double max) {

    public static Stats of(List<? extends Number> sample) {
        return of(sample.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public static Stats of(double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, sorted[0], median, percentile(sorted, 50), percentile(sorted, 99), sorted[n - 1]);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} % of the sample at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
