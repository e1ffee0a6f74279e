package io.driftproof.collector.ingest;

import io.driftproof.collector.common.ServerClock;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock probe's result: skew = agent time - midpoint of the probe's round trip, known to
 * within half the round trip.
 */
public record ClockSkew(long skewMs, long uncertaintyMs, Instant measuredAt) {

    public static ClockSkew measure(Instant sent, Instant received, Instant agentTime) {
        Duration roundTrip = Duration.between(sent, received);
        Instant midpoint = sent.plus(roundTrip.dividedBy(2));
        long skew = Math.round(Duration.between(midpoint, agentTime).toNanos() / 1_000_000.0);
        long uncertainty = (roundTrip.toNanos() + 1_999_999) / 2_000_000;
        return new ClockSkew(skew, uncertainty, ServerClock.truncate(received));
    }
}
