package io.driftproof.agent.snapshot;

import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemRef;

/** The identity of an item on a host, kind plus natural key, as one sortable string. */
public final class ItemKeys {

    private ItemKeys() {
    }

    public static String of(Item item) {
        return item.getKind().name() + " " + item.getKey();
    }

    public static String of(ItemRef ref) {
        return ref.getKind().name() + " " + ref.getKey();
    }

    public static ItemRef ref(Item item) {
        return ItemRef.newBuilder().setKind(item.getKind()).setKey(item.getKey()).build();
    }
}
