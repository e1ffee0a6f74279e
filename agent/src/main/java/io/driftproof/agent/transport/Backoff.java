package io.driftproof.agent.transport;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delays with jitter, so that agents cut off together do not come back
 * together: initial, initial x multiplier, ... up to the cap, each spread by +/- jitter. Reset
 * after a session that got as far as the collector's Welcome.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration cap;
    private final double multiplier;
    private final double jitter;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration initial, Duration cap, double multiplier, double jitter, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0 || multiplier < 1
                || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("bad backoff parameters");
        }
        this.initial = initial;
        this.cap = cap;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.random = random;
    }

    /** 1 s doubling up to 60 s, +/- 20 %. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2, new Random());
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        double base = Math.min(cap.toMillis(), initial.toMillis() * Math.pow(multiplier, failures));
        if (base < cap.toMillis()) {
            failures++;
        }
        double spread = 1 - jitter + 2 * jitter * random.nextDouble();
        return Duration.ofMillis(Math.min(cap.toMillis(), Math.round(base * spread)));
    }

    public void reset() {
        failures = 0;
    }
}
