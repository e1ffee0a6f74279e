package io.driftproof.agent.snapshot;

import com.google.protobuf.Timestamp;
import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.PackageDetail;

import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable JSON form of a snapshot printed by {@code snapshot --print}. Scripts and tests rely
 * on its field names: change them only additively.
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static void write(Snapshot snapshot, Writer out) {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        host(json, snapshot.host());
        json.field("observedAt", snapshot.observedAt().toString());
        json.name("collectors").beginArray();
        snapshot.collectors().forEach(json::value);
        json.endArray();
        json.name("items").beginArray();
        for (Item item : snapshot.items().values()) {
            json.newline();
            item(json, item);
        }
        json.endArray();
        json.name("errors").beginArray();
        for (ScanProblem p : snapshot.problems()) {
            json.newline();
            json.beginObject().field("collector", p.collector()).field("path", p.path())
                    .field("message", p.message()).endObject();
        }
        json.endArray();
        json.endObject();
        json.newline();
    }

    private static void host(JsonWriter json, HostInfo host) {
        json.name("host").beginObject()
                .field("id", host.getHostId())
                .field("hostname", host.getHostname())
                .field("os", host.getOs())
                .field("kernel", host.getKernel())
                .endObject();
    }

    static void item(JsonWriter json, Item item) {
        json.beginObject().field("kind", item.getKind().name()).field("key", item.getKey());
        switch (item.getDetailCase()) {
            case PACKAGE -> packageFields(json, item.getPackage());
            case FIRMWARE -> firmwareFields(json, item.getFirmware());
            case CONFIG_FILE -> configFileFields(json, item.getConfigFile());
            case DETAIL_NOT_SET -> { }
        }
        json.endObject();
    }

    private static void packageFields(JsonWriter json, PackageDetail p) {
        json.field("name", p.getName()).field("version", p.getVersion()).field("arch", p.getArch())
                .field("manager", p.getManager());
        if (p.hasInstalledAt()) {
            json.field("installedAt", instant(p.getInstalledAt()));
        }
    }

    private static void firmwareFields(JsonWriter json, FirmwareDetail f) {
        json.field("component", f.getComponent())
                .optionalField("name", f.getName())
                .field("vendor", f.getVendor())
                .field("version", f.getVersion())
                .optionalField("releaseDate", f.getReleaseDate());
        if (f.getAttributesCount() > 0) {
            json.name("attributes").beginObject();
            for (Map.Entry<String, String> e : new TreeMap<>(f.getAttributesMap()).entrySet()) {
                json.field(e.getKey(), e.getValue());
            }
            json.endObject();
        }
    }

    private static void configFileFields(JsonWriter json, ConfigFileDetail c) {
        json.field("path", c.getPath()).field("type", type(c.getType()));
        if (c.getType() == FileType.REGULAR) {
            json.field("sha256", c.getSha256()).field("size", c.getSize());
        }
        if (c.getType() == FileType.SYMLINK) {
            json.field("target", c.getSymlinkTarget());
        }
        json.field("mode", String.format("%04o", c.getMode()))
                .field("owner", c.getOwner()).field("group", c.getGroup())
                .field("uid", c.getUid()).field("gid", c.getGid());
        if (c.hasMtime()) {
            json.field("mtime", instant(c.getMtime()));
        }
        json.field("content", c.getContentState().name().toLowerCase())
                .field("contentCaptured", c.getContentState() == ContentState.CAPTURED);
    }

    private static String type(FileType type) {
        return switch (type) {
            case REGULAR -> "file";
            case SYMLINK -> "symlink";
            case DIRECTORY -> "directory";
            default -> "unknown";
        };
    }

    private static String instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }
}
