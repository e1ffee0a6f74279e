package io.driftproof.collector.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The collector's clock. Times are kept to the millisecond, the precision every database we
 * support stores, so that what is stored equals what was computed. */
@ApplicationScoped
public class ServerClock {

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return truncate(clock.instant());
    }

    /** Full precision, for measuring round trips. */
    public Instant preciseNow() {
        return clock.instant();
    }

    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
