package io.driftproof.agent.testing;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every delivery scenario must end with: each delta applied once, in order, without protocol violations. */
public final class DeliveryChecks {

    private DeliveryChecks() {
    }

    public static void assertEveryDeltaOnceInOrder(RecordingCollector collector) {
        assertThat(collector.violations()).isEmpty();
        assertThat(collector.duplicates()).as("deltas delivered twice").isZero();
        List<RecordingCollector.Applied> applied = collector.applied();
        assertThat(applied).isNotEmpty();
        assertThat(applied.get(0).full()).isTrue();
        for (int i = 1; i < applied.size(); i++) {
            RecordingCollector.Applied before = applied.get(i - 1);
            RecordingCollector.Applied delta = applied.get(i);
            if (delta.full()) {
                assertThat(delta.seq()).isGreaterThan(before.seq());
            } else {
                assertThat(delta.seq()).as("seq after " + before.seq()).isEqualTo(before.seq() + 1);
                assertThat(delta.baseSeq()).isEqualTo(before.seq());
                assertThat(delta.changes()).isPositive();
                assertThat(delta.previousObservedAt().getSeconds()).isPositive();
            }
        }
    }
}
