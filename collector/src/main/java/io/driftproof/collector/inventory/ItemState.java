package io.driftproof.collector.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the collector knows about one item at one snapshot: the detail the agent reported,
 * stored as JSON on the item row and as before/after of observed changes. */
public sealed interface ItemState permits ItemState.Package, ItemState.Firmware, ItemState.ConfigFile {

    ItemKind kind();

    /** Times the host recorded for the item's last change, where it keeps any (agent clock). */
    List<Instant> hostChangeTimes();

    record Package(String name, String version, String arch, String manager, String source, Instant installedAt)
            implements ItemState {
        @Override
        public ItemKind kind() {
            return ItemKind.PACKAGE;
        }

        @Override
        public List<Instant> hostChangeTimes() {
            return installedAt == null ? List.of() : List.of(installedAt);
        }
    }

    record Firmware(String component, String vendor, String version, String releaseDate, String name,
                    Map<String, String> attributes) implements ItemState {
        @Override
        public ItemKind kind() {
            return ItemKind.FIRMWARE;
        }

        @Override
        public List<Instant> hostChangeTimes() {
            return List.of();
        }
    }

    /** {@code mode} is the octal permission string, e.g. "0644". */
    record ConfigFile(String path, FileType type, String sha256, long size, String mode, long uid, long gid,
                      String owner, String group, Instant mtime, Instant ctime, String symlinkTarget,
                      ContentState contentState) implements ItemState {
        @Override
        public ItemKind kind() {
            return ItemKind.CONFIG_FILE;
        }

        /** mtime moves with the content, ctime with every change (content, mode, owner). */
        @Override
        public List<Instant> hostChangeTimes() {
            return Stream.of(mtime, ctime).filter(java.util.Objects::nonNull).toList();
        }
    }

    enum FileType { REGULAR, SYMLINK, DIRECTORY, UNKNOWN }

    enum ContentState { CAPTURED, BINARY, TOO_LARGE, SENSITIVE, NONE, UNKNOWN }
}
