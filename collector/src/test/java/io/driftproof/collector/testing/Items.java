package io.driftproof.collector.testing;

import com.google.protobuf.Timestamp;
import io.driftproof.collector.content.ContentCodec;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Items as an agent would report them. */
public final class Items {

    private Items() {
    }

    public static Item pkg(String name, String version) {
        return pkg(name, version, null);
    }

    public static Item pkg(String name, String version, Instant installedAt) {
        PackageDetail.Builder detail = PackageDetail.newBuilder().setName(name).setVersion(version).setArch("amd64")
                .setManager("dpkg").setSource("deb_packages");
        if (installedAt != null) {
            detail.setInstalledAt(timestamp(installedAt));
        }
        return Item.newBuilder().setKind(ItemKind.PACKAGE).setKey(name + ":amd64").setPackage(detail).build();
    }

    public static Item firmware(String component, String version) {
        return Item.newBuilder().setKind(ItemKind.FIRMWARE).setKey(component)
                .setFirmware(FirmwareDetail.newBuilder().setComponent(component).setVendor("ACME").setVersion(version)
                        .setReleaseDate("2024-01-01"))
                .build();
    }

    /** A captured text file, mode 0644, root:root. */
    public static ConfigFileDetail.Builder textFile(String path, String text, Instant mtime) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return ConfigFileDetail.newBuilder().setPath(path).setType(FileType.REGULAR)
                .setSha256(ContentCodec.sha256Hex(data)).setSize(data.length).setMode(0644)
                .setOwner("root").setGroup("root").setMtime(timestamp(mtime)).setCtime(timestamp(mtime))
                .setContentState(ContentState.CAPTURED);
    }

    public static ConfigFileDetail.Builder sensitiveFile(String path, String secret) {
        byte[] data = secret.getBytes(StandardCharsets.UTF_8);
        return ConfigFileDetail.newBuilder().setPath(path).setType(FileType.REGULAR)
                .setSha256(ContentCodec.sha256Hex(data)).setSize(data.length).setMode(0640)
                .setOwner("root").setGroup("shadow").setContentState(ContentState.SENSITIVE);
    }

    public static ConfigFileDetail.Builder symlink(String path, String target) {
        return ConfigFileDetail.newBuilder().setPath(path).setType(FileType.SYMLINK).setSymlinkTarget(target)
                .setMode(0777).setOwner("root").setGroup("root").setContentState(ContentState.NONE);
    }

    public static Item file(ConfigFileDetail.Builder detail) {
        return Item.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey(detail.getPath()).setConfigFile(detail).build();
    }

    public static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
