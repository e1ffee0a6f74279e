package io.driftproof.agent.delta;

import com.google.protobuf.ByteString;
import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.ItemRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.driftproof.agent.testing.Fixtures.feed;
import static io.driftproof.agent.testing.Fixtures.file;
import static io.driftproof.agent.testing.Fixtures.pkg;
import static io.driftproof.agent.testing.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaMergerTest {

    private static final Instant T1 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-01T10:05:00Z");
    private static final Instant T3 = Instant.parse("2025-01-01T10:10:00Z");

    /** The committed view as the state keeps it: header and entries. */
    private AgentView view = AgentView.empty();
    private List<ViewEntry> entries = List.of();

    /** A merge's output: its parts, and the delta they join into. */
    private record Merged(List<Delta> parts, Delta delta) {
    }

    private Optional<Merged> merge(Snapshot snapshot, Optional<Instant> previousScan) throws IOException {
        List<Delta> parts = new ArrayList<>();
        List<ViewEntry> next = new ArrayList<>();
        Iterator<ViewEntry> old = entries.iterator();
        ViewReader reader = new ViewReader() {
            @Override
            public ViewEntry next() {
                return old.hasNext() ? old.next() : null;
            }

            @Override
            public void close() {
            }
        };
        DeltaMerger merger = new DeltaMerger(view, reader, previousScan, parts::add, next::add);
        feed(snapshot, merger);
        Optional<DeltaMerger.Result> result = merger.finish();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        view = result.get().view();
        entries = next;
        return Optional.of(new Merged(parts, join(parts)));
    }

    private Merged commit(Snapshot snapshot) throws IOException {
        return merge(snapshot, view.observedAt()).orElseThrow();
    }

    /** The parts as the collector joins them: lists accumulate, the header is the last part's. */
    private static Delta join(List<Delta> parts) {
        Delta.Builder joined = parts.get(0).toBuilder();
        for (Delta part : parts.subList(1, parts.size())) {
            joined.addAllChanges(part.getChangesList()).addAllContents(part.getContentsList())
                    .addAllErrors(part.getErrorsList())
                    .setManifestDigest(part.getManifestDigest()).setItemCount(part.getItemCount());
        }
        return joined.setMore(false).build();
    }

    private static ManifestDigest freshDigest(Snapshot s) {
        ManifestDigest d = ManifestDigest.empty();
        s.items().values().forEach(d::add);
        return d;
    }

    @Test
    void firstSnapshotIsFullWithEveryItemAndContent() throws IOException {
        Snapshot s = snapshot(T1, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha"), pkg("bash", "5.2"));

        Delta delta = commit(s).delta();

        assertThat(delta.getFull()).isTrue();
        assertThat(delta.getSeq()).isEqualTo(1);
        assertThat(delta.getBaseSeq()).isZero();
        assertThat(delta.hasPreviousObservedAt()).isFalse();
        assertThat(delta.getChangesList()).extracting(ItemChange::getUpsert).containsExactlyElementsOf(s.items().values());
        assertThat(delta.getContentsList()).extracting(Content::getSha256)
                .containsExactly(s.items().get("CONFIG_FILE /etc/a").getConfigFile().getSha256());
        assertThat(delta.getManifestDigest().toByteArray()).isEqualTo(freshDigest(s).toBytes());
        assertThat(delta.getCollectorsList()).containsExactly("test");
        assertThat(view.seq()).isEqualTo(1);
        assertThat(view.fullPending()).isFalse();
        assertThat(entries).extracting(ViewEntry::itemKey).containsExactly("CONFIG_FILE /etc/a", "PACKAGE bash");
    }

    @Test
    void addsRemovesAndModifiesAgainstTheViewInKeyOrder() throws IOException {
        commit(snapshot(T1, Map.of(), file("/etc/a", "alpha"), file("/etc/b", "beta"), pkg("bash", "5.2"), pkg("zsh", "5.9")));
        Snapshot next = snapshot(T2, Map.of("/etc/a", "ALPHA", "/etc/c", "gamma"),
                file("/etc/a", "ALPHA"), file("/etc/c", "gamma"), pkg("bash", "5.2"));

        Delta delta = commit(next).delta();

        assertThat(delta.getFull()).isFalse();
        assertThat(delta.getSeq()).isEqualTo(2);
        assertThat(delta.getBaseSeq()).isEqualTo(1);
        assertThat(delta.getPreviousObservedAt().getSeconds()).isEqualTo(T1.getEpochSecond());
        assertThat(delta.getObservedAt().getSeconds()).isEqualTo(T2.getEpochSecond());
        assertThat(delta.getChangesList()).containsExactly(
                ItemChange.newBuilder().setUpsert(file("/etc/a", "ALPHA")).build(),
                ItemChange.newBuilder().setRemoval(ItemRef.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey("/etc/b")).build(),
                ItemChange.newBuilder().setUpsert(file("/etc/c", "gamma")).build(),
                ItemChange.newBuilder().setRemoval(ItemRef.newBuilder().setKind(ItemKind.PACKAGE).setKey("zsh")).build());
        assertThat(delta.getItemCount()).isEqualTo(3);
        assertThat(delta.getManifestDigest().toByteArray()).isEqualTo(freshDigest(next).toBytes());
        assertThat(view.digest()).isEqualTo(freshDigest(next));
        assertThat(entries).hasSize(3);
    }

    @Test
    void modeChangeIsAChangeWithoutShippingTheSameContentAgain() throws IOException {
        commit(snapshot(T1, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha", 0644)));

        Delta delta = commit(snapshot(T2, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha", 0600))).delta();

        assertThat(delta.getChangesList()).hasSize(1);
        assertThat(delta.getContentsList()).isEmpty();
    }

    @Test
    void touchingAFileIsNoDelta() throws IOException {
        Item before = file("/etc/a", "alpha");
        commit(snapshot(T1, Map.of(), before));
        Item touched = before.toBuilder().setConfigFile(before.getConfigFile().toBuilder()
                .setMtime(com.google.protobuf.Timestamp.newBuilder().setSeconds(T2.getEpochSecond()))
                .setCtime(com.google.protobuf.Timestamp.newBuilder().setSeconds(T2.getEpochSecond()))).build();

        assertThat(merge(snapshot(T2, Map.of(), touched), view.observedAt())).isEmpty();
        assertThat(view.seq()).isEqualTo(1);
    }

    @Test
    void contentShipsOncePerDistinctHashInADelta() throws IOException {
        Delta first = commit(snapshot(T1, Map.of("/etc/a", "same", "/etc/b", "same"),
                file("/etc/a", "same"), file("/etc/b", "same"))).delta();
        assertThat(first.getContentsList()).hasSize(1);

        // Unchanged files ship nothing; a file with new text ships it.
        Delta second = commit(snapshot(T2, Map.of("/etc/a", "same", "/etc/b", "same", "/etc/d", "new"),
                file("/etc/a", "same"), file("/etc/b", "same"), file("/etc/d", "new"))).delta();
        assertThat(second.getChangesList()).hasSize(1);
        assertThat(second.getContentsList()).extracting(Content::getData).containsExactly(ByteString.copyFromUtf8("new"));
    }

    @Test
    void contentOnlyForCapturedItems() throws IOException {
        Item binary = file("/etc/blob", "\0\1").toBuilder().setConfigFile(ConfigFileDetail.newBuilder(file("/etc/blob", "\0\1").getConfigFile())
                .setContentState(ContentState.BINARY)).build();

        Delta delta = commit(snapshot(T1, Map.of("/etc/blob", "\0\1"), binary)).delta();

        assertThat(delta.getContentsList()).isEmpty();
    }

    @Test
    void previousObservedAtIsTheLastScanThatSawTheBase() throws IOException {
        commit(snapshot(T1, Map.of(), file("/etc/a", "alpha")));
        // A scan at T2 found nothing changed; the change seen at T3 happened after T2.
        Delta delta = merge(snapshot(T3, Map.of(), file("/etc/a", "beta")), Optional.of(T2)).orElseThrow().delta();

        assertThat(delta.getPreviousObservedAt().getSeconds()).isEqualTo(T2.getEpochSecond());
    }

    @Test
    void fullSnapshotAfterResetCarriesAllContentAgainAndIsNumberedAboveTheFloor() throws IOException {
        commit(snapshot(T1, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha")));
        view = view.reset(41);
        Snapshot same = snapshot(T2, Map.of("/etc/a", "alpha"), file("/etc/a", "alpha"));

        Delta delta = commit(same).delta();

        assertThat(delta.getFull()).isTrue();
        assertThat(delta.getSeq()).isEqualTo(42);
        assertThat(delta.getContentsList()).hasSize(1);
        assertThat(delta.hasPreviousObservedAt()).isFalse();
        assertThat(view.digest()).isEqualTo(freshDigest(same));
    }

    @Test
    void largeDeltaIsCutIntoPartsAndOnlyTheLastKnowsTheDigest() throws IOException {
        String big = "x".repeat(300 * 1024);
        Item[] files = new Item[8];
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < files.length; i++) {
            String text = i + big;
            files[i] = file("/etc/f" + i, text);
            texts.put("/etc/f" + i, text);
        }
        Snapshot s = snapshot(T1, texts, files);

        List<Delta> parts = commit(s).parts();

        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(Delta::getMore);
        assertThat(parts.get(parts.size() - 1).getMore()).isFalse();
        assertThat(parts).allMatch(p -> p.getSeq() == 1 && p.getFull());
        assertThat(parts).allMatch(p -> p.getSerializedSize() <= DeltaParts.PART_BYTES + 64);
        assertThat(parts.stream().mapToInt(Delta::getContentsCount).sum()).isEqualTo(8);
        assertThat(parts.get(parts.size() - 1).getManifestDigest().toByteArray()).isEqualTo(freshDigest(s).toBytes());
        assertThat(parts.get(0).getCollectorsList()).containsExactly("test");
        assertThat(parts.get(1).getCollectorsList()).isEmpty();
    }

    @Test
    void scanErrorsTravelWithTheLastPartUpToALimit() throws IOException {
        List<ScanProblem> problems = new ArrayList<>();
        for (int i = 0; i < DeltaMerger.MAX_ERRORS + 5; i++) {
            problems.add(new ScanProblem("config_files", "/etc/x" + i, "permission denied"));
        }
        Snapshot s = snapshot(T1, Map.of(), file("/etc/a", "alpha"));
        Snapshot withProblems = new Snapshot(s.host(), s.observedAt(), s.items(), s.contents(), problems, s.collectors());

        Delta delta = commit(withProblems).delta();

        assertThat(delta.getErrorsCount()).isEqualTo(DeltaMerger.MAX_ERRORS);
        assertThat(delta.getErrors(DeltaMerger.MAX_ERRORS - 1).getMessage()).isEqualTo("6 more problems not listed");
    }

    @Test
    void itemsOutOfKeyOrderAreRefused() {
        DeltaMerger merger = new DeltaMerger(view, ViewReader.EMPTY, Optional.empty(), d -> { }, e -> { });
        merger.begin(T1, List.of("test"));
        merger.item(file("/etc/b", "beta"));

        assertThatThrownBy(() -> merger.item(file("/etc/a", "alpha")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("arrived after");
    }
}
