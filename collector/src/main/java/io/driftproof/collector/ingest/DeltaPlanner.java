package io.driftproof.collector.ingest;

import io.driftproof.collector.inventory.Item;
import io.driftproof.collector.inventory.ItemKey;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.proto.ItemFingerprint;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares a validated delta with the stored items it touches. Pure: reads nothing, writes nothing. */
final class DeltaPlanner {

    private static final HexFormat HEX = HexFormat.of();

    private DeltaPlanner() {
    }

    /**
     * @param stored the stored items the delta names (all items of the host for a full snapshot)
     * @param digest the host's manifest digest before the delta
     * @param itemCount the host's item count before the delta
     */
    static DeltaPlan plan(Delta delta, Map<ItemKey, Item> stored, ManifestDigest digest, long itemCount) {
        ManifestDigest after = digest.copy();
        long count = itemCount;
        List<DeltaPlan.Upsert> upserts = new ArrayList<>();
        List<Item> removals = new ArrayList<>();
        for (ItemChange change : delta.getChangesList()) {
            if (change.hasUpsert()) {
                var item = change.getUpsert();
                byte[] fingerprint = ItemFingerprint.of(item);
                String hex = HEX.formatHex(fingerprint);
                Item existing = stored.get(key(item.getKind(), item.getKey()));
                if (existing == null) {
                    count++;
                } else if (existing.fingerprint.equals(hex)) {
                    continue;
                } else {
                    after.removeFingerprint(HEX.parseHex(existing.fingerprint));
                }
                after.addFingerprint(fingerprint);
                upserts.add(new DeltaPlan.Upsert(item, hex, existing));
            } else {
                Item existing = stored.get(key(change.getRemoval().getKind(), change.getRemoval().getKey()));
                if (existing != null) {
                    after.removeFingerprint(HEX.parseHex(existing.fingerprint));
                    count--;
                    removals.add(existing);
                }
            }
        }
        if (delta.getFull()) {
            Set<ItemKey> present = delta.getChangesList().stream()
                    .map(c -> key(c.getUpsert().getKind(), c.getUpsert().getKey())).collect(Collectors.toSet());
            for (Map.Entry<ItemKey, Item> e : stored.entrySet()) {
                if (!present.contains(e.getKey())) {
                    after.removeFingerprint(HEX.parseHex(e.getValue().fingerprint));
                    count--;
                    removals.add(e.getValue());
                }
            }
        }
        return new DeltaPlan(upserts, removals, after, count);
    }

    private static ItemKey key(io.driftproof.proto.v1.ItemKind kind, String key) {
        return new ItemKey(ItemKind.fromProto(kind).orElseThrow(), key);
    }
}
