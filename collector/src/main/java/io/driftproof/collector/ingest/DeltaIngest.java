package io.driftproof.collector.ingest;

import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.HostRepository;
import io.driftproof.collector.inventory.Item;
import io.driftproof.collector.inventory.ItemKey;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemRepository;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies one validated delta of one host in one transaction, with the host row locked so that
 * collector replicas serialise per host. Decides between apply, duplicate and resync; the writes
 * themselves are {@link SnapshotWriter}'s.
 */
@ApplicationScoped
public class DeltaIngest {

    private final HostRepository hosts;
    private final ItemRepository items;
    private final SnapshotWriter writer;

    DeltaIngest(HostRepository hosts, ItemRepository items, SnapshotWriter writer) {
        this.hosts = hosts;
        this.items = items;
        this.writer = writer;
    }

    @Transactional
    public IngestOutcome apply(String hostId, Delta delta, Instant receivedAt) {
        Host host = hosts.lock(hostId).orElseThrow(() -> new IllegalStateException("host " + hostId + " said no Hello"));
        host.lastSeen = receivedAt;
        if (delta.getSeq() <= host.lastSeq) {
            return new IngestOutcome.Duplicate(delta.getSeq());
        }
        if (!delta.getFull() && !host.hasBaseline()) {
            return new IngestOutcome.Resync("no snapshot of this host is stored yet: send a full snapshot", host.lastSeq);
        }
        if (!delta.getFull() && delta.getBaseSeq() != host.lastSeq) {
            return new IngestOutcome.Resync("sequence gap: delta " + delta.getSeq() + " applies to snapshot "
                    + delta.getBaseSeq() + " but the last snapshot applied is " + host.lastSeq, host.lastSeq);
        }
        Map<ItemKey, Item> stored = delta.getFull() ? byKey(items.allOf(hostId)) : touched(hostId, delta);
        DeltaPlan plan = DeltaPlanner.plan(delta, stored, digestOf(host), host.itemCount);
        // A full snapshot was checked against its own items and replaces the stored set; an
        // incremental delta must lead to the digest the agent computed.
        if (!delta.getFull() && (!plan.digest().matches(delta.getManifestDigest().toByteArray())
                || plan.itemCount() != delta.getItemCount())) {
            return new IngestOutcome.Resync("manifest digest mismatch after delta " + delta.getSeq() + ": the collector has "
                    + plan.digest().toHex() + " over " + plan.itemCount() + " items, the agent "
                    + ManifestDigest.fromBytes(delta.getManifestDigest().toByteArray()).toHex() + " over "
                    + delta.getItemCount() + " items", host.lastSeq);
        }
        return writer.write(host, delta, plan, receivedAt);
    }

    private Map<ItemKey, Item> touched(String hostId, Delta delta) {
        Map<ItemKind, Set<String>> keys = new EnumMap<>(ItemKind.class);
        for (ItemChange change : delta.getChangesList()) {
            var kind = change.hasUpsert() ? change.getUpsert().getKind() : change.getRemoval().getKind();
            String key = change.hasUpsert() ? change.getUpsert().getKey() : change.getRemoval().getKey();
            keys.computeIfAbsent(ItemKind.fromProto(kind).orElseThrow(), k -> new HashSet<>()).add(key);
        }
        Map<ItemKey, Item> found = new HashMap<>();
        keys.forEach((kind, names) -> found.putAll(byKey(items.find(hostId, kind, names))));
        return found;
    }

    private static Map<ItemKey, Item> byKey(Collection<Item> list) {
        return list.stream().collect(Collectors.toMap(ItemKey::of, Function.identity()));
    }

    private static ManifestDigest digestOf(Host host) {
        return host.manifestDigest == null ? ManifestDigest.empty()
                : ManifestDigest.fromBytes(java.util.HexFormat.of().parseHex(host.manifestDigest));
    }
}
