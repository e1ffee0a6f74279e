package io.driftproof.agent.delta;

import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.ItemRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.driftproof.agent.testing.Fixtures.file;
import static io.driftproof.agent.testing.Fixtures.pkg;
import static io.driftproof.agent.testing.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class DeltaBuilderTest {

    private static final Instant T1 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-01T10:05:00Z");
    private static final Instant T3 = Instant.parse("2025-01-01T10:10:00Z");

    private final AgentView view = AgentView.empty();

    private DeltaPlan commit(Snapshot snapshot) {
        DeltaPlan plan = DeltaBuilder.build(view, snapshot, view.observedAt()).orElseThrow();
        plan.parts(DeltaPlan.PART_BYTES).forEach(view::apply);
        return plan;
    }

    private static ManifestDigest freshDigest(Snapshot s) {
        ManifestDigest d = ManifestDigest.empty();
        s.items().values().forEach(d::add);
        return d;
    }

    @Test
    void firstSnapshotIsFullWithEveryItemAndContent() {
        Snapshot s = snapshot(T1, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha"), pkg("bash", "5.2"));

        DeltaPlan plan = commit(s);

        assertThat(plan.full()).isTrue();
        assertThat(plan.seq()).isEqualTo(1);
        assertThat(plan.baseSeq()).isZero();
        assertThat(plan.previousObservedAt()).isEmpty();
        assertThat(plan.changes()).extracting(ItemChange::getUpsert).containsExactlyElementsOf(s.items().values());
        assertThat(plan.contents()).extracting(Content::getSha256).containsExactly(s.items().get("CONFIG_FILE /etc/a").getConfigFile().getSha256());
        assertThat(plan.manifestDigest()).isEqualTo(freshDigest(s).toBytes());
        assertThat(view.seq()).isEqualTo(1);
        assertThat(view.fullPending()).isFalse();
    }

    @Test
    void addsRemovesAndModifiesAgainstTheView() {
        commit(snapshot(T1, Map.of(), file("/etc/a", "alpha"), file("/etc/b", "beta"), pkg("bash", "5.2")));
        Snapshot next = snapshot(T2, Map.of("/etc/a", "ALPHA", "/etc/c", "gamma"),
                file("/etc/a", "ALPHA"), file("/etc/c", "gamma"), pkg("bash", "5.2"));

        DeltaPlan plan = commit(next);

        assertThat(plan.full()).isFalse();
        assertThat(plan.seq()).isEqualTo(2);
        assertThat(plan.baseSeq()).isEqualTo(1);
        assertThat(plan.previousObservedAt()).contains(T1);
        assertThat(plan.observedAt()).isEqualTo(T2);
        assertThat(plan.changes()).containsExactlyInAnyOrder(
                ItemChange.newBuilder().setUpsert(file("/etc/a", "ALPHA")).build(),
                ItemChange.newBuilder().setUpsert(file("/etc/c", "gamma")).build(),
                ItemChange.newBuilder().setRemoval(ItemRef.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey("/etc/b")).build());
        assertThat(plan.itemCount()).isEqualTo(3);
        assertThat(plan.manifestDigest()).isEqualTo(freshDigest(next).toBytes());
        assertThat(view.digest()).isEqualTo(freshDigest(next));
    }

    @Test
    void modeChangeIsAChange() {
        commit(snapshot(T1, Map.of(), file("/etc/a", "alpha", 0644)));

        Optional<DeltaPlan> plan = DeltaBuilder.build(view, snapshot(T2, Map.of(), file("/etc/a", "alpha", 0600)), view.observedAt());

        assertThat(plan).isPresent();
        assertThat(plan.get().changes()).hasSize(1);
    }

    @Test
    void touchingAFileIsNoDelta() {
        Item before = file("/etc/a", "alpha");
        commit(snapshot(T1, Map.of(), before));
        Item touched = before.toBuilder().setConfigFile(before.getConfigFile().toBuilder()
                .setMtime(com.google.protobuf.Timestamp.newBuilder().setSeconds(T2.getEpochSecond()))
                .setCtime(com.google.protobuf.Timestamp.newBuilder().setSeconds(T2.getEpochSecond()))).build();

        assertThat(DeltaBuilder.build(view, snapshot(T2, Map.of(), touched), view.observedAt())).isEmpty();
    }

    @Test
    void contentShipsOncePerDistinctHash() {
        // Two files with the same text in one snapshot: the content ships once.
        DeltaPlan first = commit(snapshot(T1, Map.of("/etc/a", "same", "/etc/b", "same"),
                file("/etc/a", "same"), file("/etc/b", "same")));
        assertThat(first.contents()).hasSize(1);

        // A new file with text already shipped: no content; a file with new text: its content.
        DeltaPlan second = commit(snapshot(T2, Map.of("/etc/a", "same", "/etc/b", "same", "/etc/c", "same", "/etc/d", "new"),
                file("/etc/a", "same"), file("/etc/b", "same"), file("/etc/c", "same"), file("/etc/d", "new")));
        assertThat(second.changes()).hasSize(2);
        assertThat(second.contents()).extracting(Content::getData)
                .containsExactly(com.google.protobuf.ByteString.copyFromUtf8("new"));
    }

    @Test
    void contentOnlyForCapturedItems() {
        Item binary = file("/etc/blob", "\0\1").toBuilder().setConfigFile(ConfigFileDetail.newBuilder(file("/etc/blob", "\0\1").getConfigFile())
                .setContentState(io.driftproof.proto.v1.ContentState.BINARY)).build();

        DeltaPlan plan = commit(snapshot(T1, Map.of("/etc/blob", "\0\1"), binary));

        assertThat(plan.contents()).isEmpty();
    }

    @Test
    void previousObservedAtIsTheLastScanThatSawTheBase() {
        commit(snapshot(T1, Map.of(), file("/etc/a", "alpha")));
        // A scan at T2 found nothing changed; the change seen at T3 happened after T2.
        DeltaPlan plan = DeltaBuilder.build(view, snapshot(T3, Map.of(), file("/etc/a", "beta")), Optional.of(T2)).orElseThrow();

        assertThat(plan.previousObservedAt()).contains(T2);
    }

    @Test
    void fullSnapshotAfterResetCarriesAllContentAgainAndIsNumberedAboveTheFloor() {
        commit(snapshot(T1, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha")));
        view.reset(41);
        Snapshot same = snapshot(T2, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha"));

        DeltaPlan plan = commit(same);

        assertThat(plan.full()).isTrue();
        assertThat(plan.seq()).isEqualTo(42);
        assertThat(plan.contents()).hasSize(1);
        assertThat(plan.previousObservedAt()).isEmpty();
        assertThat(view.digest()).isEqualTo(freshDigest(same));
    }

    @Test
    void largeDeltaIsSplitIntoPartsThatApplyTogether() {
        String big = "x".repeat(300 * 1024);
        Item[] files = new Item[8];
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (int i = 0; i < files.length; i++) {
            String text = i + big;
            files[i] = file("/etc/f" + i, text);
            texts.put("/etc/f" + i, text);
        }
        Snapshot s = snapshot(T1, texts, files);
        DeltaPlan plan = DeltaBuilder.build(view, s, Optional.empty()).orElseThrow();

        List<Delta> parts = plan.parts(DeltaPlan.PART_BYTES);

        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(Delta::getMore);
        assertThat(parts.get(parts.size() - 1).getMore()).isFalse();
        assertThat(parts).allMatch(p -> p.getSeq() == 1 && p.getFull());
        assertThat(parts).allMatch(p -> p.getSerializedSize() <= DeltaPlan.PART_BYTES + 64);
        assertThat(parts.stream().mapToInt(Delta::getContentsCount).sum()).isEqualTo(8);
        parts.forEach(view::apply);
        assertThat(view.seq()).isEqualTo(1);
        assertThat(view.digest()).isEqualTo(freshDigest(s));
    }
}
