package io.driftproof.agent.state;

import io.driftproof.agent.delta.AgentView;
import io.driftproof.agent.delta.DeltaBuilder;
import io.driftproof.agent.delta.DeltaPlan;
import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.agent.spool.DeltaReader;
import io.driftproof.agent.spool.Spool;
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
        assertThat(state.record(v(T1, "one"), true).outcome()).isEqualTo(Outcome.RECORDED);
        assertThat(state.record(v(T2, "two"), false)).isEqualTo(new RecordResult(Outcome.RECORDED, 2, 1, ""));
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
        assertThat(state.record(v(T1, "one"), false).outcome()).isEqualTo(Outcome.NEEDS_FULL_SCAN);
        assertThat(state.pending()).isEmpty();
    }

    @Test
    void unchangedScanSpoolsNothingButNarrowsTheNextChangeInterval() throws Exception {
        open(LIMIT);
        state.record(v(T1, "one"), true);
        state.ack(1);

        assertThat(state.record(v(T2, "one"), false).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(state.pending()).isEmpty();

        state.record(v(T3, "two"), false);
        Delta delta = firstPart(state, state.pending().get(0));
        assertThat(delta.getPreviousObservedAt().getSeconds()).isEqualTo(T2.getEpochSecond());
        assertThat(delta.getObservedAt().getSeconds()).isEqualTo(T3.getEpochSecond());
    }

    @Test
    void replaysTheSpoolInOrderAfterARestart() throws Exception {
        open(LIMIT);
        state.record(v(T1, "one"), true);
        state.record(v(T2, "two"), false);
        state.record(v(T3, "three"), false);
        state.ack(1);

        open(LIMIT);

        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(2L, 3L);
        assertThat(state.marks().ackedSeq()).isEqualTo(1);
        assertThat(state.status().viewSeq()).isEqualTo(3);
        assertThat(state.status().digest()).isEqualTo(digestOf(v(T3, "three")).toHex());
        assertThat(state.record(v(T3.plusSeconds(1), "four"), false).seq()).isEqualTo(4);
    }

    @Test
    void fullSpoolHoldsTheChangeBackWithoutAdvancingTheView() throws Exception {
        open(LIMIT);
        state.record(v(T1, "x".repeat(1000)), true);
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

        RecordResult full = state.record(changed, false);

        assertThat(full.outcome()).isEqualTo(Outcome.SPOOL_FULL);
        assertThat(full.message()).contains("spool full").contains("spool-limit");
        assertThat(state.status().viewSeq()).isEqualTo(1);
        assertThat(state.status().spoolFullEvents()).isEqualTo(1);
        assertThat(state.pending()).hasSize(1);

        state.ack(1);
        assertThat(freed).hasValue(1);
        RecordResult later = state.record(v(T3, "two ".repeat(100)), false);
        assertThat(later).isEqualTo(new RecordResult(Outcome.RECORDED, 2, 1, ""));
        assertThat(AgentStatus.read(stateDir, LIMIT).spoolFullEvents()).isEqualTo(1);
    }

    @Test
    void reconcilesADeltaSpooledJustBeforeACrash() throws Exception {
        open(LIMIT);
        state.record(v(T1, "one"), true);
        state.close();
        state = null;
        // The agent died after writing spool file 2 and before writing the view.
        AgentView view = ViewFile.read(stateDir).orElseThrow();
        DeltaPlan plan = DeltaBuilder.build(view, v(T2, "two"), view.observedAt()).orElseThrow();
        Spool.open(stateDir.resolve("spool"), LIMIT).append(plan.seq(), plan.parts(DeltaPlan.PART_BYTES));

        open(LIMIT);

        assertThat(state.status().viewSeq()).isEqualTo(2);
        assertThat(state.status().digest()).isEqualTo(digestOf(v(T2, "two")).toHex());
        assertThat(state.pending()).extracting(SpoolEntry::seq).containsExactly(1L, 2L);
        assertThat(state.record(v(T2, "two"), false).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(state.record(v(T3, "three"), false).seq()).isEqualTo(3);
    }

    @Test
    void resyncDropsThePendingDeltasAndOwesAFullSnapshotAboveTheFloor() throws Exception {
        open(LIMIT);
        state.record(v(T1, "one"), true);
        state.record(v(T2, "two"), false);

        state.resync(10, "test");

        assertThat(state.pending()).isEmpty();
        assertThat(state.fullPending()).isTrue();
        assertThat(state.record(v(T3, "two"), false).outcome()).isEqualTo(Outcome.NEEDS_FULL_SCAN);
        RecordResult full = state.record(v(T3, "two"), true);
        assertThat(full.seq()).isEqualTo(11);
        assertThat(firstPart(state, state.pending().get(0)).getFull()).isTrue();
    }

    @Test
    void finishesAResyncInterruptedBeforeTheSpoolWasEmptied() throws Exception {
        open(LIMIT);
        state.record(v(T1, "one"), true);
        state.record(v(T2, "two"), false);
        state.close();
        state = null;
        AgentView view = ViewFile.read(stateDir).orElseThrow();
        view.reset(0);
        ViewFile.write(stateDir, view);

        open(LIMIT);

        assertThat(state.pending()).isEmpty();
        assertThat(state.fullPending()).isTrue();
        assertThat(state.record(v(T3, "two"), true).seq()).isEqualTo(3);
    }

    @Test
    void aDamagedViewLeadsToAFullSnapshotNumberedAboveEverythingSeen() throws Exception {
        open(LIMIT);
        state.record(v(T1, "one"), true);
        state.record(v(T2, "two"), false);
        state.close();
        state = null;
        Files.write(stateDir.resolve(ViewFile.NAME), new byte[] {1, 2, 3});

        open(LIMIT);

        assertThat(state.fullPending()).isTrue();
        assertThat(state.pending()).isEmpty();
        assertThat(state.record(v(T3, "two"), true).seq()).isEqualTo(3);
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
        state.record(v(T1, "one"), true);
        state.record(v(T2, "two"), false);
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
