package io.driftproof.collector.inventory;

import java.util.Optional;

/** The kinds of item the collector understands; the same names as driftproof.v1.ItemKind. */
public enum ItemKind {
    PACKAGE, FIRMWARE, CONFIG_FILE;

    /** Empty for ITEM_KIND_UNSPECIFIED and for values this collector does not know yet. */
    public static Optional<ItemKind> fromProto(io.driftproof.proto.v1.ItemKind kind) {
        return switch (kind) {
            case PACKAGE -> Optional.of(PACKAGE);
            case FIRMWARE -> Optional.of(FIRMWARE);
            case CONFIG_FILE -> Optional.of(CONFIG_FILE);
            case ITEM_KIND_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
