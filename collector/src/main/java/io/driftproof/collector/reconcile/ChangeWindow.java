package io.driftproof.collector.reconcile;

import java.time.Duration;
import java.time.Instant;

/** One window of a record: [start, end]; {@code cycle} numbers a RECURRING record's windows from 0
 * and is null for a one-off record. */
public record ChangeWindow(Integer cycle, Instant start, Instant end) {

    /** Whether t lies in the window widened by grace on both sides. */
    public boolean contains(Instant t, Duration grace) {
        return !t.isBefore(start.minus(grace)) && !t.isAfter(end.plus(grace));
    }

    /** How far t lies outside the window; zero inside. */
    public Duration distance(Instant t) {
        if (t.isBefore(start)) {
            return Duration.between(t, start);
        }
        return t.isAfter(end) ? Duration.between(end, t) : Duration.ZERO;
    }
}
