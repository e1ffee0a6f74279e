package io.driftproof.agent.collect;

import com.google.protobuf.Timestamp;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;

import java.time.Instant;
import java.util.Optional;

/**
 * One installed package as a package database describes it.
 *
 * @param name        package name
 * @param arch        architecture as the database writes it; empty when the database has none
 * @param version     full version as the package manager writes it (epoch included)
 * @param installedAt when it was installed or last upgraded, where the database records it
 */
public record PackageRecord(String name, String arch, String version, Optional<Instant> installedAt) {

    public PackageRecord(String name, String arch, String version) {
        this(name, arch, version, Optional.empty());
    }

    /** The item key: {@code name:arch}, or just the name for packages without an architecture. */
    public String key() {
        return arch.isEmpty() ? name : name + ":" + arch;
    }

    public PackageRecord withInstalledAt(Instant at) {
        return new PackageRecord(name, arch, version, Optional.of(at));
    }

    /** The inventory item, tagged with the package manager and the collector that read it. */
    public Item toItem(String manager, String source) {
        PackageDetail.Builder detail = PackageDetail.newBuilder()
                .setName(name).setVersion(version).setArch(arch).setManager(manager).setSource(source);
        installedAt.ifPresent(at -> detail.setInstalledAt(
                Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())));
        return Item.newBuilder().setKind(ItemKind.PACKAGE).setKey(key()).setPackage(detail).build();
    }
}
