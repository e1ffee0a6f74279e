package io.driftproof.collector.reconcile;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The windows of a RECURRING record: the first window shifted by whole periods in UTC (P1M from
 * 31 January gives 28 February, then 31 March: each cycle is computed from the first, so there is
 * no drift), up to the last cycle that starts at or before {@code until}.
 */
public record RecurrenceSchedule(Instant firstStart, Instant firstEnd, Period period, Instant until) {

    public static RecurrenceSchedule of(Instant firstStart, Instant firstEnd, String period, Instant until) {
        return new RecurrenceSchedule(firstStart, firstEnd, Period.parse(period), until);
    }

    public ChangeWindow cycle(int k) {
        Period shift = period.multipliedBy(k);
        return new ChangeWindow(k, firstStart.atOffset(ZoneOffset.UTC).plus(shift).toInstant(),
                firstEnd.atOffset(ZoneOffset.UTC).plus(shift).toInstant());
    }

    public boolean exists(int k) {
        return k >= 0 && (until == null || !cycle(k).start().isAfter(until));
    }

    public boolean cycleWindowsDisjoint() {
        return !cycle(0).end().isAfter(cycle(1).start());
    }

    /** The existing cycle whose window is nearest to t (the earlier one on a tie). */
    public Optional<ChangeWindow> nearest(Instant t) {
        if (!t.isAfter(firstStart)) {
            return Optional.of(cycle(0));
        }
        // Start below the answer (a month counted as 31 days) and step forward.
        long approxDays = Math.max(1, period.toTotalMonths() * 31 + period.getDays());
        int k = (int) Math.max(0, java.time.Duration.between(firstStart, t).toDays() / approxDays - 1);
        while (!cycle(k + 1).start().isAfter(t)) {
            k++;
        }
        ChangeWindow before = cycle(k);
        ChangeWindow after = cycle(k + 1);
        if (!exists(k)) {
            return lastExisting();
        }
        if (exists(k + 1) && after.distance(t).compareTo(before.distance(t)) < 0) {
            return Optional.of(after);
        }
        return Optional.of(before);
    }

    private Optional<ChangeWindow> lastExisting() {
        int k = 0;
        while (exists(k + 1)) {
            k++;
        }
        return Optional.of(cycle(k));
    }
}
