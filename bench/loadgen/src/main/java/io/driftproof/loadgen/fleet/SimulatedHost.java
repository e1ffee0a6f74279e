package io.driftproof.loadgen.fleet;

import io.driftproof.proto.ItemFingerprint;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated host: the fleet's image, plus what makes it this host (a few packages a patch
 * behind, a few files with content of its own), plus every change made to it since. Only the
 * differences and a running manifest digest are kept, so ten thousand hosts fit in a small heap.
 * Not thread-safe: one delta of a host is built at a time.
 */
public final class SimulatedHost {

    /** One package in this many is a patch behind the image. */
    private static final int BEHIND_ONE_IN = 20;
    /** One file in this many has content of this host's own. */
    private static final int OWN_FILE_ONE_IN = 50;

    private final FleetCatalog catalog;
    private final int index;
    private final long seed;
    private final HostInfo info;
    private final Map<Integer, Revision> packages = new HashMap<>();
    private final Map<Integer, Revision> files = new HashMap<>();
    private final ManifestDigest digest;

    public SimulatedHost(FleetCatalog catalog, int index) {
        this.catalog = catalog;
        this.index = index;
        this.seed = Mix.of(catalog.seed(), index);
        this.info = HostInfo.newBuilder()
                .setHostId(HexFormat.of().toHexDigits(Mix.of(seed, 1)) + HexFormat.of().toHexDigits(Mix.of(seed, 2)))
                .setHostname(String.format("bench-%05d", index))
                .setOs("Debian GNU/Linux 12 (bookworm)").setKernel("6.1.0-28-amd64").setArch("x86_64").build();
        this.digest = catalog.imageDigest();
        for (int i = 0; i < catalog.itemCount(); i++) {
            if (!isImage(i)) {
                digest.removeFingerprint(catalog.imageFingerprint(i)).addFingerprint(fingerprint(i));
            }
        }
    }

    public int index() {
        return index;
    }

    public String id() {
        return info.getHostId();
    }

    public HostInfo info() {
        return info;
    }

    public int itemCount() {
        return catalog.itemCount();
    }

    public FleetCatalog catalog() {
        return catalog;
    }

    /** The manifest digest of the host's items as they are now. */
    public ManifestDigest digest() {
        return digest.copy();
    }

    /** Every item as it is now, in item index order. */
    public List<Item> items() {
        List<Item> items = new ArrayList<>(itemCount());
        for (int i = 0; i < itemCount(); i++) {
            items.add(item(i));
        }
        return items;
    }

    public Item item(int itemIndex) {
        if (isImage(itemIndex)) {
            return catalog.imageItem(itemIndex);
        }
        if (itemIndex < catalog.packageCount()) {
            Revision r = packageRevision(itemIndex);
            return catalog.pkg(itemIndex).item(r.number(), r.at());
        }
        int file = itemIndex - catalog.packageCount();
        return catalog.fileItem(file, fileVersion(file), fileRevision(file).at());
    }

    /** The content of every captured file, by SHA-256: what a full snapshot ships. */
    public Map<String, byte[]> capturedContents() {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (int f = 0; f < catalog.fileCount(); f++) {
            if (catalog.file(f).captured()) {
                FileVersion v = fileVersion(f);
                contents.putIfAbsent(v.sha256(), v.content());
            }
        }
        return contents;
    }

    /** Installs the package version {@code updatesAhead} of the image's; returns the new item. */
    public Item upgrade(int packageIndex, int updatesAhead, Instant at) {
        return change(packageIndex, () -> packages.put(packageIndex, new Revision(updatesAhead, at)));
    }

    /** The package's version now, relative to the image's (see {@link CatalogPackage#version}). */
    public int updatesAhead(int packageIndex) {
        return packageRevision(packageIndex).number();
    }

    /** Writes a new version of the file; returns the new item. */
    public Item modify(int fileIndex, Instant at) {
        int itemIndex = catalog.packageCount() + fileIndex;
        return change(itemIndex, () -> files.put(fileIndex, new Revision(fileRevision(fileIndex).number() + 1, at)));
    }

    public FileVersion fileVersion(int fileIndex) {
        int number = fileRevision(fileIndex).number();
        if (number == 0) {
            return ownFile(fileIndex) ? catalog.fileVersion(fileIndex, Mix.of(seed, fileIndex)) : catalog.imageFile(fileIndex);
        }
        return catalog.fileVersion(fileIndex, Mix.of(Mix.of(seed, fileIndex), number));
    }

    private Item change(int itemIndex, Runnable apply) {
        digest.removeFingerprint(fingerprint(itemIndex));
        apply.run();
        Item after = item(itemIndex);
        digest.addFingerprint(ItemFingerprint.of(after));
        return after;
    }

    private byte[] fingerprint(int itemIndex) {
        return isImage(itemIndex) ? catalog.imageFingerprint(itemIndex) : ItemFingerprint.of(item(itemIndex));
    }

    private boolean isImage(int itemIndex) {
        if (itemIndex < catalog.packageCount()) {
            return !packages.containsKey(itemIndex) && !behind(itemIndex);
        }
        int file = itemIndex - catalog.packageCount();
        return !files.containsKey(file) && !ownFile(file);
    }

    private Revision packageRevision(int packageIndex) {
        Revision r = packages.get(packageIndex);
        return r != null ? r : new Revision(behind(packageIndex) ? -1 : 0, catalog.pkg(packageIndex).installedAt());
    }

    private Revision fileRevision(int fileIndex) {
        Revision r = files.get(fileIndex);
        return r != null ? r : new Revision(0, FleetCatalog.IMAGE_BUILT);
    }

    private boolean behind(int packageIndex) {
        return Mix.below(seed, packageIndex, BEHIND_ONE_IN) == 0;
    }

    private boolean ownFile(int fileIndex) {
        return Mix.below(seed, -1 - fileIndex, OWN_FILE_ONE_IN) == 0;
    }
}
