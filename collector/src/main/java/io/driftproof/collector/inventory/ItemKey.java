package io.driftproof.collector.inventory;

/** Kind plus natural key: identifies an item on a host. */
public record ItemKey(ItemKind kind, String key) {

    public static ItemKey of(Item item) {
        return new ItemKey(item.kind, item.itemKey);
    }

    @Override
    public String toString() {
        return kind + " " + key;
    }
}
