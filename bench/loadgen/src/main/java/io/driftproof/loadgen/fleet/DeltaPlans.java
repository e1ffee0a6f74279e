package io.driftproof.loadgen.fleet;

import com.google.protobuf.UnsafeByteOperations;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The deltas a simulated host's agent would send after a scan, as the agent's merge would decide them. */
public final class DeltaPlans {

    /** What the agent's collectors are called on a Debian host. */
    private static final List<String> COLLECTORS = List.of("deb_packages", "config_files");

    private DeltaPlans() {
    }

    /** Every item and every captured content. */
    public static PlannedDelta full(SimulatedHost host, long seq, Instant observedAt) {
        List<ItemChange> changes = new ArrayList<>(host.itemCount());
        for (Item item : host.items()) {
            changes.add(ItemChange.newBuilder().setUpsert(item).build());
        }
        List<Content> contents = new ArrayList<>();
        host.capturedContents().forEach((sha, data) -> contents.add(content(sha, data)));
        return new PlannedDelta(seq, 0, observedAt, Optional.empty(), host.digest().toBytes(), host.itemCount(), true,
                changes, contents, COLLECTORS);
    }

    /**
     * The items that changed since the base, with the content of changed captured files.
     *
     * @param changed item indexes (see {@link FleetCatalog})
     */
    public static PlannedDelta incremental(SimulatedHost host, long seq, long baseSeq, Instant observedAt, Instant previousScan,
                                        List<Integer> changed) {
        List<ItemChange> changes = new ArrayList<>();
        Map<String, Content> contents = new LinkedHashMap<>();
        FleetCatalog catalog = host.catalog();
        for (int i : changed) {
            changes.add(ItemChange.newBuilder().setUpsert(host.item(i)).build());
            int file = i - catalog.packageCount();
            if (file >= 0 && catalog.file(file).captured()) {
                FileVersion v = host.fileVersion(file);
                contents.putIfAbsent(v.sha256(), content(v.sha256(), v.content()));
            }
        }
        return new PlannedDelta(seq, baseSeq, observedAt, Optional.of(previousScan), host.digest().toBytes(), host.itemCount(),
                false, changes, List.copyOf(contents.values()), COLLECTORS);
    }

    private static Content content(String sha256, byte[] data) {
        return Content.newBuilder().setSha256(sha256).setData(UnsafeByteOperations.unsafeWrap(data)).build();
    }
}
