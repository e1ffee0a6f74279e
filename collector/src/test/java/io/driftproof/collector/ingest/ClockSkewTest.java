package io.driftproof.collector.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClockSkewTest {

    @Test
    void skewIsAgainstTheMidpointAndUncertaintyHalfTheRoundTrip() {
        Instant sent = Instant.parse("2025-01-01T00:00:00Z");
        Instant received = sent.plusMillis(40);
        ClockSkew skew = ClockSkew.measure(sent, received, sent.plusMillis(20).plusSeconds(300));
        assertThat(skew.skewMs()).isEqualTo(300_000);
        assertThat(skew.uncertaintyMs()).isEqualTo(20);
        assertThat(skew.measuredAt()).isEqualTo(received);
    }

    @Test
    void agentBehindGivesNegativeSkewAndSubMillisecondRoundTripsRoundUp() {
        Instant sent = Instant.parse("2025-01-01T00:00:00Z");
        ClockSkew skew = ClockSkew.measure(sent, sent.plusNanos(300_000), sent.minusSeconds(2));
        assertThat(skew.skewMs()).isEqualTo(-2000);
        assertThat(skew.uncertaintyMs()).isEqualTo(1);
    }
}
