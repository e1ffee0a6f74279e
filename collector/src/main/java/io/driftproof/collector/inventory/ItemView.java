package io.driftproof.collector.inventory;

/** One item in its current state. */
public record ItemView(ItemKind kind, String key, String fingerprint, long updatedSeq, ItemState detail) {
}
