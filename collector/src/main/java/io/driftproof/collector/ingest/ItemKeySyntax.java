package io.driftproof.collector.ingest;

import io.driftproof.collector.inventory.ItemKind;

import java.nio.charset.StandardCharsets;

/** What a natural key may look like, per kind. */
final class ItemKeySyntax {

    /** The key column's size; also keeps the unique index within PostgreSQL's entry limit. */
    static final int MAX_KEY_BYTES = 1024;

    private ItemKeySyntax() {
    }

    /** The problem with the key, or null when it is valid. */
    static String problem(ItemKind kind, String key) {
        if (key.isEmpty()) {
            return "key is empty";
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            return "key is " + bytes + " bytes long, limit " + MAX_KEY_BYTES;
        }
        if (key.indexOf('\0') >= 0) {
            return "key contains NUL";
        }
        return switch (kind) {
            case CONFIG_FILE -> pathProblem(key);
            case PACKAGE, FIRMWARE -> key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                    ? "key contains whitespace or control characters" : null;
        };
    }

    /** Absolute and normalised: no empty, "." or ".." segments, no trailing slash. */
    private static String pathProblem(String path) {
        if (!path.startsWith("/")) {
            return "path is not absolute";
        }
        if (path.equals("/")) {
            return null;
        }
        if (path.endsWith("/")) {
            return "path ends with /";
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "path is not normalised (empty, . or .. segment)";
            }
        }
        return null;
    }
}
