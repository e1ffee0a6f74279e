package io.driftproof.loadgen.fleet;

import io.driftproof.agent.delta.DeltaParts;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedHostTest {

    private static final Instant NOW = Instant.parse("2026-01-13T10:00:00Z");
    private final FleetCatalog catalog = FleetCatalog.generate(7, 300, 100);
    private final HostChanges changes = new HostChanges(catalog, 20);

    @Test
    void theSameSeedGivesTheSameFleet() {
        FleetCatalog again = FleetCatalog.generate(7, 300, 100);
        SimulatedHost a = new SimulatedHost(catalog, 42);
        SimulatedHost b = new SimulatedHost(again, 42);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.items()).isEqualTo(a.items());
        assertThat(b.capturedContents().keySet()).isEqualTo(a.capturedContents().keySet());
        assertThat(b.digest()).isEqualTo(a.digest());
    }

    @Test
    void hostsShareTheImageButDifferInAFewItems() {
        SimulatedHost a = new SimulatedHost(catalog, 1);
        SimulatedHost b = new SimulatedHost(catalog, 2);
        assertThat(a.id()).isNotEqualTo(b.id()).hasSize(32);
        assertThat(a.digest()).isNotEqualTo(b.digest());
        List<Item> itemsA = a.items();
        List<Item> itemsB = b.items();
        long differing = java.util.stream.IntStream.range(0, catalog.itemCount())
                .filter(i -> !itemsA.get(i).equals(itemsB.get(i))).count();
        assertThat(differing).isBetween(1L, catalog.itemCount() / 5L);
        assertThat(new HashSet<>(itemsA.stream().map(Item::getKey).toList())).hasSize(catalog.itemCount());
    }

    @Test
    void theRunningDigestIsTheDigestOfTheItemsAfterEveryChange() {
        SimulatedHost host = new SimulatedHost(catalog, 3);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            changes.everyday(host, random, NOW.plusSeconds(i));
        }
        changes.patchDay(host, NOW.plusSeconds(60));
        ManifestDigest recomputed = ManifestDigest.empty();
        host.items().forEach(recomputed::add);
        assertThat(host.digest()).isEqualTo(recomputed);
    }

    @Test
    void eachDeltaStatesTheDigestAndCountOfTheItemSetItLeaves() {
        SimulatedHost host = new SimulatedHost(catalog, 4);
        Map<String, Item> view = new HashMap<>();
        apply(view, DeltaPlans.full(host, 1, NOW));
        List<Integer> everyday = changes.everyday(host, new SplittableRandom(2), NOW.plusSeconds(10));
        apply(view, DeltaPlans.incremental(host, 2, 1, NOW.plusSeconds(10), NOW, everyday));
        List<Integer> patchDay = changes.patchDay(host, NOW.plusSeconds(20));
        apply(view, DeltaPlans.incremental(host, 3, 2, NOW.plusSeconds(20), NOW.plusSeconds(10), patchDay));
        assertThat(view).hasSize(host.itemCount());
    }

    @Test
    void patchDayUpgradesEveryHostToTheSameVersionsAndEverydayChangesLeaveThemAlone() {
        SimulatedHost host = new SimulatedHost(catalog, 5);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            changes.everyday(host, random, NOW);
        }
        for (int pkg = 0; pkg < changes.patchDayPackages(); pkg++) {
            assertThat(host.updatesAhead(pkg)).isLessThanOrEqualTo(0);
        }
        changes.patchDay(host, NOW);
        for (int pkg = 0; pkg < changes.patchDayPackages(); pkg++) {
            assertThat(host.item(pkg).getPackage().getVersion()).isEqualTo(catalog.pkg(pkg).version(1));
        }
    }

    @Test
    void aFullSnapshotIsCutIntoPartsOfAboutAMegabyte() {
        FleetCatalog large = FleetCatalog.generate(7, 2000, 1000);
        List<Delta> parts = DeltaPlans.full(new SimulatedHost(large, 0), 1, NOW).parts();
        assertThat(parts.size()).isGreaterThan(1);
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(Delta::getMore);
        assertThat(parts).allMatch(p -> p.getSerializedSize() < DeltaParts.PART_BYTES + 64 * 1024);
        assertThat(parts.stream().mapToInt(Delta::getChangesCount).sum()).isEqualTo(3000);
    }

    /** Applies a delta's parts as the collector does and checks the digest and count of its last part. */
    private static void apply(Map<String, Item> view, PlannedDelta plan) {
        List<Delta> parts = plan.parts();
        if (plan.full()) {
            view.clear();
        }
        for (Delta part : parts) {
            for (ItemChange change : part.getChangesList()) {
                view.put(change.getUpsert().getKind() + " " + change.getUpsert().getKey(), change.getUpsert());
            }
        }
        Delta last = parts.get(parts.size() - 1);
        ManifestDigest digest = ManifestDigest.empty();
        view.values().forEach(digest::add);
        assertThat(last.getManifestDigest().toByteArray()).isEqualTo(digest.toBytes());
        assertThat(last.getItemCount()).isEqualTo(view.size());
    }
}
