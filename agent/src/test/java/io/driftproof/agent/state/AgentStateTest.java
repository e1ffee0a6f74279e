package io.driftproof.agent.state;

import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.agent.spool.DeltaReader;
import io.driftproof.agent.spool.SpoolEntry;
import io.driftproof.agent.state.RecordResult.Outcome;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Delta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.driftproof.agent.testing.Fixtures.feed;
import static io.driftproof.agent.testing.Fixtures.file;
import static io.driftproof.agent.testing.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentStateTest {

    private static final Instant T1 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-01T10:05:00Z");
    private static final Instant T3 = Instant.parse("2025-01-01T10:10:00Z");
    private static final long LIMIT = 1 << 20;

    @TempDir
    Path stateDir;

    private AgentState state;

    @AfterEach
    void close() throws IOException {
        if (state != null) {
            state.close();
        }
    }

    private AgentState open(long limit) throws IOException {
        if (state != null) {
            state.close();
        }
        state = AgentState.open(stateDir, limit);
        return state;
    }

    private RecordResult record(Snapshot snapshot, boolean rehashed) throws IOException {
        return state.record(sink -> feed(snapshot, sink), rehashed);
    }

    private static Snapshot v(Instant at, String aText) {
        return snapshot(at, Map.of("/etc/a", aText), file("/etc/a", aText));
    }

    private static Delta firstPart(AgentState s, SpoolEntry entry) throws IOException {
        try (DeltaReader reader = s.read(entry)) {
            return reader.next().orElseThrow();
        }
    }

    private static ManifestDigest digestOf(Snapshot s) {
        ManifestDigest d = ManifestDigest.empty();
        s.items().values().forEach(d::add);
        return d;
    }

    @Test
    void spoolsEachDeltaUntilAcknowledged() throws Exception {
        open(LIMIT);
        assertThat(record(v(T1, "one"), true).outcome()).isEqualTo(Outcome.RECORDED);
        assertThat(record(v(T2, "two"), false)).isEqualTo(new RecordResult(Outcome.RECORDED, 2, 1, ""));
        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(1L, 2L);

        assertThat(state.ack(1)).extracting(SpoolEntry::seq).containsExactly(1L);

        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(2L);
        assertThat(state.marks().ackedSeq()).isEqualTo(1);
        state.ack(2);
        assertThat(state.settled()).isTrue();
        assertThat(state.status().spoolBytes()).isZero();
    }

    @Test
    void firstDeltaNeedsAScanThatReReadEverything() throws Exception {
        open(LIMIT);
        assertThat(record(v(T1, "one"), false).outcome()).isEqualTo(Outcome.NEEDS_FULL_SCAN);
        assertThat(state.pending()).isEmpty();
    }

    @Test
    void unchangedScanSpoolsNothingButNarrowsTheNextChangeInterval() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);
        state.ack(1);

        assertThat(record(v(T2, "one"), false).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(state.pending()).isEmpty();

        record(v(T3, "two"), false);
        Delta delta = firstPart(state, state.pending().get(0));
        assertThat(delta.getPreviousObservedAt().getSeconds()).isEqualTo(T2.getEpochSecond());
        assertThat(delta.getObservedAt().getSeconds()).isEqualTo(T3.getEpochSecond());
    }

    @Test
    void replaysTheSpoolInOrderAfterARestart() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);
        record(v(T2, "two"), false);
        record(v(T3, "three"), false);
        state.ack(1);

        open(LIMIT);

        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(2L, 3L);
        assertThat(state.marks().ackedSeq()).isEqualTo(1);
        assertThat(state.status().viewSeq()).isEqualTo(3);
        assertThat(state.status().digest()).isEqualTo(digestOf(v(T3, "three")).toHex());
        assertThat(record(v(T3.plusSeconds(1), "four"), false).seq()).isEqualTo(4);
    }

    @Test
    void fullSpoolHoldsTheChangeBackWithoutAdvancingTheView() throws Exception {
        open(LIMIT);
        record(v(T1, "x".repeat(1000)), true);
        long spoolBytes = state.status().spoolBytes();
        open(spoolBytes + 100);
        AtomicInteger freed = new AtomicInteger();
        state.setListener(new StateListener() {
            @Override
            public void spoolSpaceFreed() {
                freed.incrementAndGet();
            }
        });
        Snapshot changed = v(T2, "two ".repeat(100));

        RecordResult full = record(changed, false);

        assertThat(full.outcome()).isEqualTo(Outcome.SPOOL_FULL);
        assertThat(full.message()).contains("spool full").contains("spool-limit");
        assertThat(state.status().viewSeq()).isEqualTo(1);
        assertThat(state.status().spoolFullEvents()).isEqualTo(1);
        assertThat(state.pending()).hasSize(1);

        state.ack(1);
        assertThat(freed).hasValue(1);
        RecordResult later = record(v(T3, "two ".repeat(100)), false);
        assertThat(later).isEqualTo(new RecordResult(Outcome.RECORDED, 2, 1, ""));
        assertThat(AgentStatus.read(stateDir, LIMIT).spoolFullEvents()).isEqualTo(1);
    }

    /**
     * Spools seq 1 and 2, then leaves the state as if the agent had stopped after committing seq 2
     * to the spool: its view in {@code view.next} (when {@code keepNext}), the view of seq 1 in place.
     */
    private void stopAfterCommittingSeq2(boolean keepNext) throws IOException {
        open(LIMIT);
        record(v(T1, "one"), true);
        Path view = stateDir.resolve(ViewFile.NAME);
        byte[] viewOfOne = Files.readAllBytes(view);
        record(v(T2, "two"), false);
        state.close();
        state = null;
        if (keepNext) {
            Files.move(view, stateDir.resolve(ViewFile.NEXT));
        }
        Files.write(view, viewOfOne);
    }

    @Test
    void installsTheViewOfADeltaSpooledJustBeforeACrash() throws Exception {
        // The agent died after committing spool file 2 and before installing its view.
        stopAfterCommittingSeq2(true);

        open(LIMIT);

        assertThat(state.status().viewSeq()).isEqualTo(2);
        assertThat(state.status().digest()).isEqualTo(digestOf(v(T2, "two")).toHex());
        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(1L, 2L);
        assertThat(Files.exists(stateDir.resolve(ViewFile.NEXT))).isFalse();
        assertThat(record(v(T2, "two"), false).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(record(v(T3, "three"), false).seq()).isEqualTo(3);
    }

    @Test
    void discardsTheViewOfAScanThatDiedBeforeItsDeltaWasCommitted() throws Exception {
        // The scan of seq 2 had written its view but not committed its spool file.
        stopAfterCommittingSeq2(true);
        Files.delete(stateDir.resolve("spool").resolve(String.format("%020d.delta", 2)));

        open(LIMIT);

        assertThat(state.status().viewSeq()).isEqualTo(1);
        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(1L);
        assertThat(Files.exists(stateDir.resolve(ViewFile.NEXT))).isFalse();
        assertThat(record(v(T3, "two"), false).seq()).isEqualTo(2);
    }

    @Test
    void aSpooledDeltaBeyondTheViewWithoutItsViewLeadsToAFullSnapshot() throws Exception {
        stopAfterCommittingSeq2(false);

        open(LIMIT);

        assertThat(state.fullPending()).isTrue();
        assertThat(state.pending()).isEmpty();
        assertThat(record(v(T3, "two"), true).seq()).isEqualTo(3);
    }

    @Test
    void aScanIsNotCommittedWhenAResyncArrivesWhileItRuns() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);

        RecordResult result = state.record(sink -> {
            feed(v(T2, "two"), sink);
            try {
                state.resync(5, "collector lost the host");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, false);

        assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_FULL_SCAN);
        assertThat(state.pending()).isEmpty();
        assertThat(record(v(T2, "two"), true)).isEqualTo(new RecordResult(Outcome.RECORDED, 6, 1, ""));
    }

    @Test
    void resyncDropsThePendingDeltasAndOwesAFullSnapshotAboveTheFloor() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);
        record(v(T2, "two"), false);

        state.resync(10, "test");

        assertThat(state.pending()).isEmpty();
        assertThat(state.fullPending()).isTrue();
        assertThat(record(v(T3, "two"), false).outcome()).isEqualTo(Outcome.NEEDS_FULL_SCAN);
        RecordResult full = record(v(T3, "two"), true);
        assertThat(full.seq()).isEqualTo(11);
        assertThat(firstPart(state, state.pending().get(0)).getFull()).isTrue();
    }

    @Test
    void finishesAResyncInterruptedBeforeTheSpoolWasEmptied() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);
        record(v(T2, "two"), false);
        state.close();
        state = null;
        ViewFile.writeEmpty(stateDir, ViewFile.read(stateDir).orElseThrow().reset(0));

        open(LIMIT);

        assertThat(state.pending()).isEmpty();
        assertThat(state.fullPending()).isTrue();
        assertThat(record(v(T3, "two"), true).seq()).isEqualTo(3);
    }

    @Test
    void aDamagedViewLeadsToAFullSnapshotNumberedAboveEverythingSeen() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);
        record(v(T2, "two"), false);
        state.close();
        state = null;
        Files.write(stateDir.resolve(ViewFile.NAME), new byte[] {1, 2, 3});

        open(LIMIT);

        assertThat(state.fullPending()).isTrue();
        assertThat(state.pending()).isEmpty();
        assertThat(record(v(T3, "two"), true).seq()).isEqualTo(3);
    }

    @Test
    void oneAgentProcessPerStateDirectory() throws Exception {
        open(LIMIT);

        assertThatThrownBy(() -> AgentState.open(stateDir, LIMIT))
                .isInstanceOf(StateBusyException.class)
                .hasMessageContaining("another driftproof-agent");
    }

    @Test
    void statusReadsTheFilesWhileTheAgentRuns() throws Exception {
        open(LIMIT);
        record(v(T1, "one"), true);
        record(v(T2, "two"), false);
        state.ack(1);

        AgentStatus status = AgentStatus.read(stateDir, LIMIT);

        assertThat(status).isEqualTo(state.status());
        assertThat(status.pendingDeltas()).isEqualTo(1);
        assertThat(status.viewSeq()).isEqualTo(2);
        assertThat(status.observedAt()).contains(T2);
        assertThat(status.ackedSeq()).isEqualTo(1);
        assertThat(status.items()).isEqualTo(1);
    }

    @Test
    void stateDirectoryIsPrivate() throws Exception {
        open(LIMIT);
        Path fresh = stateDir.resolve("sub/agent");
        try (AgentState other = AgentState.open(fresh, LIMIT)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                    .isEqualTo("rwx------");
        }
    }
}
