package io.driftproof.collector.ingest;

import io.driftproof.collector.inventory.Item;
import io.driftproof.proto.ManifestDigest;

import java.util.List;

/**
 * What applying a delta to the stored state does, computed before anything is written.
 *
 * @param upserts items that are new or differ from the stored state; identical items are left out
 * @param removals stored items the delta removes (or a full snapshot no longer holds)
 * @param digest the manifest digest after the delta
 * @param itemCount the number of items after the delta
 */
record DeltaPlan(List<Upsert> upserts, List<Item> removals, ManifestDigest digest, long itemCount) {

    /** @param stored the row as stored, null for a new item */
    record Upsert(io.driftproof.proto.v1.Item item, String fingerprint, Item stored) {
    }

    boolean changesNothing() {
        return upserts.isEmpty() && removals.isEmpty();
    }
}
