package io.driftproof.collector.reconcile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceScheduleTest {

    /** Monthly from 31 January 22:00 to 1 February 02:00, last cycle starting by 30 April. */
    private static final RecurrenceSchedule MONTHLY = RecurrenceSchedule.of(Instant.parse("2026-01-31T22:00:00Z"),
            Instant.parse("2026-02-01T02:00:00Z"), "P1M", Instant.parse("2026-04-30T00:00:00Z"));

    @ParameterizedTest(name = "cycle {0} starts {1}")
    @CsvSource({
            "0, 2026-01-31T22:00:00Z, 2026-02-01T02:00:00Z",
            // each cycle is shifted from the first, so February is clamped and March is the 31st again
            "1, 2026-02-28T22:00:00Z, 2026-03-01T02:00:00Z",
            "2, 2026-03-31T22:00:00Z, 2026-04-01T02:00:00Z",
            "3, 2026-04-30T22:00:00Z, 2026-05-01T02:00:00Z"
    })
    void cycles(int k, Instant start, Instant end) {
        assertThat(MONTHLY.cycle(k)).isEqualTo(new ChangeWindow(k, start, end));
    }

    @Test
    void onlyCyclesStartingByUntilExist() {
        assertThat(MONTHLY.exists(0)).isTrue();
        assertThat(MONTHLY.exists(2)).isTrue();
        assertThat(MONTHLY.exists(3)).as("starts 30 April 22:00, after until").isFalse();
        assertThat(MONTHLY.exists(-1)).isFalse();
        assertThat(RecurrenceSchedule.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T04:00:00Z"),
                "P7D", null).exists(1000)).as("no until: forever").isTrue();
    }

    @ParameterizedTest(name = "nearest to {0} is cycle {1}")
    @CsvSource({
            // before the first window: the first
            "2025-12-01T00:00:00Z, 0",
            // inside a window: that one
            "2026-03-01T01:00:00Z, 1",
            // between two windows: the nearer, the earlier on a tie
            "2026-02-10T00:00:00Z, 0",
            "2026-02-25T00:00:00Z, 1",
            "2026-03-16T12:00:00Z, 1",
            // after the last existing cycle: the last
            "2026-06-15T00:00:00Z, 2"
    })
    void nearest(Instant t, int cycle) {
        assertThat(MONTHLY.nearest(t)).map(ChangeWindow::cycle).contains(cycle);
    }

    @Test
    void windowsLongerThanThePeriodOverlap() {
        assertThat(MONTHLY.cycleWindowsDisjoint()).isTrue();
        assertThat(RecurrenceSchedule.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-09T00:00:00Z"),
                "P7D", null).cycleWindowsDisjoint()).isFalse();
    }
}
