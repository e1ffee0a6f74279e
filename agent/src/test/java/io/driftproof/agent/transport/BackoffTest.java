package io.driftproof.agent.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    /** A random source that always returns the same value. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static Backoff backoff(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2, random);
    }

    @Test
    void doublesUpToTheCapWithoutJitter() {
        Backoff b = backoff(fixed(0.5));

        assertThat(java.util.stream.Stream.generate(b::next).limit(9).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void jitterStaysWithinBounds() {
        Backoff low = backoff(fixed(0.0));
        Backoff high = backoff(fixed(0.999999));
        assertThat(low.next()).isEqualTo(Duration.ofMillis(800));
        assertThat(high.next()).isEqualTo(Duration.ofMillis(1200));

        Backoff random = backoff(new Random(42));
        for (int attempt = 0; attempt < 50; attempt++) {
            double base = Math.min(60_000, 1000 * Math.pow(2, attempt));
            long delay = random.next().toMillis();
            assertThat(delay).isBetween(Math.round(base * 0.8), Math.min(60_000, Math.round(base * 1.2)));
        }
    }

    @Test
    void resetStartsOver() {
        Backoff b = backoff(fixed(0.5));
        b.next();
        b.next();
        b.next();

        b.reset();

        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }
}
