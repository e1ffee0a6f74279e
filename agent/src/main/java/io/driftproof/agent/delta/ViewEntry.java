package io.driftproof.agent.delta;

import io.driftproof.agent.snapshot.ItemKeys;
import io.driftproof.proto.ItemFingerprint;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.ItemRef;

/**
 * What the view remembers of one item: enough to tell whether it changed, to name it in a
 * removal, and to know which content it refers to. The item's full detail is not kept.
 *
 * @param capturedSha256 the content hash when the item's content ships (CAPTURED), else empty
 */
public record ViewEntry(ItemKind kind, String key, byte[] fingerprint, String capturedSha256) {

    public static ViewEntry of(Item item) {
        return of(item, ItemFingerprint.of(item));
    }

    public static ViewEntry of(Item item, byte[] fingerprint) {
        return new ViewEntry(item.getKind(), item.getKey(), fingerprint, capturedSha256(item));
    }

    /** The content hash of an item whose text content ships, else empty. */
    public static String capturedSha256(Item item) {
        return item.hasConfigFile() && item.getConfigFile().getContentState() == ContentState.CAPTURED
                ? item.getConfigFile().getSha256() : "";
    }

    public String itemKey() {
        return ItemKeys.of(ref());
    }

    public ItemRef ref() {
        return ItemRef.newBuilder().setKind(kind).setKey(key).build();
    }
}
