package io.driftproof.agent.testing;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.config.Setting;
import io.driftproof.agent.delta.ViewEntry;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.snapshot.ItemKeys;
import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.agent.snapshot.SnapshotSink;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small builders for items, snapshots, fake host trees and configs. */
public final class Fixtures {

    public static final HostInfo HOST = HostInfo.newBuilder().setHostId("0123456789abcdef").setHostname("test-host").build();

    private Fixtures() {
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A captured text config file with the given content. */
    public static Item file(String path, String content) {
        return file(path, content, 0644);
    }

    public static Item file(String path, String content, int mode) {
        return Item.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey(path)
                .setConfigFile(ConfigFileDetail.newBuilder().setPath(path).setType(FileType.REGULAR)
                        .setSha256(sha256(content.getBytes(StandardCharsets.UTF_8))).setSize(content.length())
                        .setMode(mode).setContentState(ContentState.CAPTURED))
                .build();
    }

    public static Item pkg(String name, String version) {
        return Item.newBuilder().setKind(ItemKind.PACKAGE).setKey(name)
                .setPackage(PackageDetail.newBuilder().setName(name).setVersion(version).setArch("amd64").setManager("dpkg"))
                .build();
    }

    /** A snapshot of these items; contents of captured files are taken from {@code texts} by path. */
    public static Snapshot snapshot(Instant at, Map<String, String> texts, Item... items) {
        SortedMap<String, Item> byKey = new TreeMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        for (Item item : items) {
            byKey.put(ItemKeys.of(item), item);
            String text = texts.get(item.getKey());
            if (text != null) {
                byte[] data = text.getBytes(StandardCharsets.UTF_8);
                contents.put(sha256(data), data);
            }
        }
        return new Snapshot(HOST, at, byKey, contents, List.of(), List.of("test"));
    }


    public static void write(Path root, String hostPath, String content) throws IOException {
        Path file = HostRoot.of(root).resolve(hostPath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Config for a fake host under {@code root}, state in {@code stateDir}, collector at {@code target} (may be null). */
    public static AgentConfig config(Path root, Path stateDir, String target, String... more) {
        List<ConfigLoader.Assignment> flags = new ArrayList<>();
        flags.add(new ConfigLoader.Assignment(Setting.ROOT, root.toString()));
        flags.add(new ConfigLoader.Assignment(Setting.STATE_DIR, stateDir.toString()));
        flags.add(new ConfigLoader.Assignment(Setting.PLAINTEXT, "true"));
        if (target != null) {
            flags.add(new ConfigLoader.Assignment(Setting.COLLECTOR, target));
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            flags.add(new ConfigLoader.Assignment(Setting.byKey(more[i]).orElseThrow(), more[i + 1]));
        }
        return new ConfigLoader().load(flags);
    }


    /** Hands a snapshot to a sink as a scan would: items in key order, each followed by its content. */
    public static void feed(Snapshot snapshot, SnapshotSink sink) {
        sink.begin(snapshot.observedAt(), snapshot.collectors());
        for (Item item : snapshot.items().values()) {
            sink.item(item);
            byte[] data = snapshot.contents().get(ViewEntry.capturedSha256(item));
            if (data != null) {
                sink.content(ViewEntry.capturedSha256(item), data);
            }
        }
        snapshot.problems().forEach(sink::problem);
    }
}
