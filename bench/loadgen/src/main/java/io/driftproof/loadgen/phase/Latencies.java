package io.driftproof.loadgen.phase;

import java.util.ArrayList;
import java.util.List;

/** Report round trips (delta sent to answer received), for percentiles. Thread-safe. */
final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    /** @param p between 0 and 100 */
    synchronized double percentileMs(double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, rank)) / 1e6;
    }
}
