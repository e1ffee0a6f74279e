package io.driftproof.collector.reconcile;

import io.driftproof.collector.reconcile.ApprovalTiming.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalTimingTest {

    private static final Instant NOT_BEFORE = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant OBSERVED = Instant.parse("2026-11-02T11:00:00Z");

    @ParameterizedTest(name = "approved {0}, evidence {1} -> {2}")
    @CsvSource({
            // before the last scan that still saw the old state: clearly before
            "2026-11-02T09:00:00Z, , APPROVED_BEFORE",
            "2026-11-02T10:00:00Z, , APPROVED_BEFORE",
            // at or after the scan that saw the change: clearly after
            "2026-11-02T11:00:00Z, , APPROVED_AFTER",
            "2026-11-03T00:00:00Z, , APPROVED_AFTER",
            // inside the interval without host evidence: cannot be decided
            "2026-11-02T10:30:00Z, , UNDECIDED",
            // inside the interval, the host's evidence time decides
            "2026-11-02T10:30:00Z, 2026-11-02T10:45:00Z, APPROVED_BEFORE",
            "2026-11-02T10:30:00Z, 2026-11-02T10:15:00Z, APPROVED_AFTER",
            "2026-11-02T10:30:00Z, 2026-11-02T10:30:00Z, APPROVED_BEFORE",
            // evidence outside the interval is not credible (e.g. a preserved mtime) and is ignored
            "2026-11-02T10:30:00Z, 2026-11-01T00:00:00Z, UNDECIDED",
            "2026-11-02T10:30:00Z, 2026-11-02T12:00:00Z, UNDECIDED"
    })
    void order(String approved, String evidence, Order expected) {
        Optional<Instant> ev = Optional.ofNullable(evidence).map(Instant::parse);
        assertThat(ApprovalTiming.order(Instant.parse(approved), Optional.of(NOT_BEFORE), OBSERVED, ev))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-02T09:00:00Z, UNDECIDED", "2026-11-02T11:30:00Z, APPROVED_AFTER"})
    void withoutAPreviousObservationOnlyAfterIsCertain(String approved, Order expected) {
        assertThat(ApprovalTiming.order(Instant.parse(approved), Optional.empty(), OBSERVED, Optional.empty()))
                .isEqualTo(expected);
    }
}
