package io.driftproof.collector.content;

import io.driftproof.collector.inventory.ItemState;

/** Why a config file's content is not available, in words an operator understands. */
public final class ContentAvailability {

    private ContentAvailability() {
    }

    /** Null when the content was captured. */
    public static String reason(ItemState.ConfigFile file) {
        if (file.type() == ItemState.FileType.SYMLINK) {
            return "symlink: no content";
        }
        if (file.type() == ItemState.FileType.DIRECTORY) {
            return "directory: no content";
        }
        return switch (file.contentState()) {
            case CAPTURED -> null;
            case SENSITIVE -> "sensitive: content is never collected";
            case BINARY -> "binary: content is not collected";
            case TOO_LARGE -> "too large: content is not collected";
            case NONE, UNKNOWN -> "content was not collected";
        };
    }
}
