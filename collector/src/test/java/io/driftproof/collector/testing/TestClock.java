package io.driftproof.collector.testing;

import io.driftproof.collector.common.ServerClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Duration;
import java.time.Instant;

/** The collector's clock in tests: real time shifted by an offset the test moves forward, so that
 * rules about hours and days are tested without waiting. Tests that move it reset it. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends ServerClock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return truncate(preciseNow());
    }

    @Override
    public Instant preciseNow() {
        return Instant.now().plus(offset);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public Duration offset() {
        return offset;
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
