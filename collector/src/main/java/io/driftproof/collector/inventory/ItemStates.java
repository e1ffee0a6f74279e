package io.driftproof.collector.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.PackageDetail;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.TreeMap;

/** Maps protobuf items to {@link ItemState} and item states to and from their stored JSON. */
@ApplicationScoped
public class ItemStates {

    private final ObjectMapper json;

    ItemStates(ObjectMapper json) {
        this.json = json;
    }

    /** The item must have been validated: known kind, detail matching the kind. */
    public ItemState fromProto(Item item) {
        return switch (item.getDetailCase()) {
            case PACKAGE -> packageState(item.getPackage());
            case FIRMWARE -> firmwareState(item.getFirmware());
            case CONFIG_FILE -> configFileState(item.getConfigFile());
            case DETAIL_NOT_SET -> throw new IllegalArgumentException("item " + item.getKey() + " has no detail");
        };
    }

    public String toJson(ItemState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("item state cannot be written as JSON", e);
        }
    }

    public ItemState fromJson(ItemKind kind, String text) {
        if (text == null) {
            return null;
        }
        Class<? extends ItemState> type = switch (kind) {
            case PACKAGE -> ItemState.Package.class;
            case FIRMWARE -> ItemState.Firmware.class;
            case CONFIG_FILE -> ItemState.ConfigFile.class;
        };
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + kind + " state is not readable", e);
        }
    }

    private static ItemState.Package packageState(PackageDetail p) {
        return new ItemState.Package(text(p.getName()), text(p.getVersion()), text(p.getArch()), text(p.getManager()),
                text(p.getSource()), p.hasInstalledAt() ? instant(p.getInstalledAt()) : null);
    }

    private static ItemState.Firmware firmwareState(FirmwareDetail f) {
        return new ItemState.Firmware(text(f.getComponent()), text(f.getVendor()), text(f.getVersion()),
                text(f.getReleaseDate()), text(f.getName()), new TreeMap<>(f.getAttributesMap()));
    }

    private static ItemState.ConfigFile configFileState(ConfigFileDetail c) {
        return new ItemState.ConfigFile(c.getPath(), fileType(c.getType()), text(c.getSha256()), c.getSize(),
                String.format("%04o", c.getMode()), c.getUid(), c.getGid(), text(c.getOwner()), text(c.getGroup()),
                c.hasMtime() ? instant(c.getMtime()) : null, c.hasCtime() ? instant(c.getCtime()) : null,
                text(c.getSymlinkTarget()), contentState(c.getContentState()));
    }

    private static ItemState.FileType fileType(io.driftproof.proto.v1.FileType type) {
        return switch (type) {
            case REGULAR -> ItemState.FileType.REGULAR;
            case SYMLINK -> ItemState.FileType.SYMLINK;
            case DIRECTORY -> ItemState.FileType.DIRECTORY;
            case FILE_TYPE_UNSPECIFIED, UNRECOGNIZED -> ItemState.FileType.UNKNOWN;
        };
    }

    private static ItemState.ContentState contentState(io.driftproof.proto.v1.ContentState state) {
        return switch (state) {
            case CAPTURED -> ItemState.ContentState.CAPTURED;
            case BINARY -> ItemState.ContentState.BINARY;
            case TOO_LARGE -> ItemState.ContentState.TOO_LARGE;
            case SENSITIVE -> ItemState.ContentState.SENSITIVE;
            case NONE -> ItemState.ContentState.NONE;
            case CONTENT_STATE_UNSPECIFIED, UNRECOGNIZED -> ItemState.ContentState.UNKNOWN;
        };
    }

    /** Protobuf has no absent string; the collector stores absent as null, not as "". */
    private static String text(String value) {
        return value.isEmpty() ? null : value;
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
