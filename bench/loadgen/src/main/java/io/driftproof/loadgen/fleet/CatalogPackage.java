package io.driftproof.loadgen.fleet;

import com.google.protobuf.Timestamp;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;

import java.time.Instant;

/**
 * One package of the fleet's image. Its versions are Debian stable updates: the image has
 * {@code +deb12u<update>}, a host behind on patches one update less, each upgrade one more.
 */
public record CatalogPackage(String name, String arch, String upstream, int update, Instant installedAt) {

    /** The item key, as the agent's dpkg collector writes it. */
    public String key() {
        return name + ":" + arch;
    }

    /** @param updatesAhead 0 for the image's version, -1 for one behind, n for n upgrades later */
    public String version(int updatesAhead) {
        return upstream + "+deb12u" + (update + updatesAhead);
    }

    public Item item(int updatesAhead, Instant installed) {
        return Item.newBuilder().setKind(ItemKind.PACKAGE).setKey(key()).setPackage(PackageDetail.newBuilder()
                .setName(name).setVersion(version(updatesAhead)).setArch(arch).setManager("dpkg").setSource("deb_packages")
                .setInstalledAt(Timestamp.newBuilder().setSeconds(installed.getEpochSecond()).setNanos(installed.getNano())))
                .build();
    }
}
