package io.driftproof.collector.inventory;

/** The kinds of item the collector understands; the same names as driftproof.v1.ItemKind. */
public enum ItemKind {
    PACKAGE, FIRMWARE, CONFIG_FILE;

    /** Empty for ITEM_KIND_UNSPECIFIED and for values this collector does not know yet. */
    public static java.util.Optional<ItemKind> fromProto(io.driftproof.proto.v1.ItemKind kind) {
        return switch (kind) {
            case PACKAGE -> java.util.Optional.of(PACKAGE);
            case FIRMWARE -> java.util.Optional.of(FIRMWARE);
            case CONFIG_FILE -> java.util.Optional.of(CONFIG_FILE);
            case ITEM_KIND_UNSPECIFIED, UNRECOGNIZED -> java.util.Optional.empty();
        };
    }
}
