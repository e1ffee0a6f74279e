package io.driftproof.loadgen.fleet;

import io.driftproof.proto.ItemFingerprint;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import com.google.protobuf.Timestamp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The image every simulated host was installed from: its packages and its files under /etc,
 * generated from a seed, so that a run can be repeated exactly. The image's items and their
 * fingerprints are built once; hosts only build the few items in which they differ.
 *
 * <p>Item indexes: packages first ({@code 0 .. packageCount-1}), then files.
 */
public final class FleetCatalog {

    /** When the image was built: the install and modification time of everything unchanged since. */
    static final Instant IMAGE_BUILT = Instant.parse("2025-06-01T08:00:00Z");
    /** One file in this many is captured text. */
    private static final int CAPTURED_ONE_IN = 5;

    private final long seed;
    private final List<CatalogPackage> packages;
    private final List<CatalogFile> files;
    private final List<FileVersion> imageFiles;
    private final Item[] imageItems;
    private final byte[][] imageFingerprints;
    private final ManifestDigest imageDigest = ManifestDigest.empty();

    private FleetCatalog(long seed, List<CatalogPackage> packages, List<CatalogFile> files) {
        this.seed = seed;
        this.packages = List.copyOf(packages);
        this.files = List.copyOf(files);
        List<FileVersion> versions = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            versions.add(fileVersion(i, 0));
        }
        this.imageFiles = List.copyOf(versions);
        this.imageItems = new Item[itemCount()];
        this.imageFingerprints = new byte[itemCount()][];
        for (int i = 0; i < itemCount(); i++) {
            imageItems[i] = i < packages.size() ? packages.get(i).item(0, packages.get(i).installedAt())
                    : fileItem(i - packages.size(), imageFiles.get(i - packages.size()), IMAGE_BUILT);
            imageFingerprints[i] = ItemFingerprint.of(imageItems[i]);
            imageDigest.addFingerprint(imageFingerprints[i]);
        }
    }

    public static FleetCatalog generate(long seed, int packageCount, int fileCount) {
        SplittableRandom random = new SplittableRandom(seed);
        Names names = new Names(random.split());
        List<CatalogPackage> packages = new ArrayList<>();
        for (int i = 0; i < packageCount; i++) {
            String upstream = random.nextInt(1, 12) + "." + random.nextInt(0, 40) + "." + random.nextInt(0, 20) + "-"
                    + random.nextInt(1, 9);
            packages.add(new CatalogPackage(names.packageName(), random.nextInt(10) < 7 ? "amd64" : "all",
                    random.nextInt(10) == 0 ? "1:" + upstream : upstream, random.nextInt(2, 8),
                    IMAGE_BUILT.minusSeconds(random.nextLong(86_400L * 365))));
        }
        List<CatalogFile> files = new ArrayList<>();
        for (int i = 0; i < fileCount; i++) {
            int kind = random.nextInt(20);
            ContentState state = i % CAPTURED_ONE_IN == 0 ? ContentState.CAPTURED
                    : kind == 0 ? ContentState.SENSITIVE : kind < 3 ? ContentState.TOO_LARGE : ContentState.BINARY;
            int size = state == ContentState.TOO_LARGE ? random.nextInt(1_100_000, 4_000_000) : random.nextInt(1_000, 6_000);
            String path = names.etcPath();
            files.add(state == ContentState.SENSITIVE ? new CatalogFile(path, 0600, "root", "root", 0, 0, state, size)
                    : kind == 3 ? new CatalogFile(path, 0640, "root", "adm", 0, 4, state, size)
                    : new CatalogFile(path, 0644, "root", "root", 0, 0, state, size));
        }
        return new FleetCatalog(seed, packages, files);
    }

    public long seed() {
        return seed;
    }

    public int packageCount() {
        return packages.size();
    }

    public int fileCount() {
        return files.size();
    }

    public int itemCount() {
        return packages.size() + files.size();
    }

    public CatalogPackage pkg(int index) {
        return packages.get(index);
    }

    public CatalogFile file(int index) {
        return files.get(index);
    }

    public Item imageItem(int itemIndex) {
        return imageItems[itemIndex];
    }

    public byte[] imageFingerprint(int itemIndex) {
        return imageFingerprints[itemIndex];
    }

    public FileVersion imageFile(int fileIndex) {
        return imageFiles.get(fileIndex);
    }

    /** The digest of a host that is exactly the image. */
    public ManifestDigest imageDigest() {
        return imageDigest.copy();
    }

    /** Version {@code variant} of a file; 0 is the image's, any other number another content. */
    public FileVersion fileVersion(int fileIndex, long variant) {
        CatalogFile file = files.get(fileIndex);
        if (!file.captured()) {
            return new FileVersion(sha256Hex(file.path() + "#" + seed + "#" + variant), file.contentBytes(), null);
        }
        byte[] text = text(file, Mix.of(seed, Mix.of(fileIndex, variant)));
        return new FileVersion(HexFormat.of().formatHex(sha256(text)), text.length, text);
    }

    public Item fileItem(int fileIndex, FileVersion version, Instant modified) {
        CatalogFile file = files.get(fileIndex);
        Timestamp t = Timestamp.newBuilder().setSeconds(modified.getEpochSecond()).setNanos(modified.getNano()).build();
        return Item.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey(file.path()).setConfigFile(ConfigFileDetail.newBuilder()
                .setPath(file.path()).setType(FileType.REGULAR).setSha256(version.sha256()).setSize(version.size())
                .setMode(file.mode()).setUid(file.uid()).setGid(file.gid()).setOwner(file.owner()).setGroup(file.group())
                .setMtime(t).setCtime(t).setContentState(file.state())).build();
    }

    /** Config-file-like text of about the file's size: comments and key = value lines. */
    private static byte[] text(CatalogFile file, long variant) {
        SplittableRandom random = new SplittableRandom(variant);
        StringBuilder out = new StringBuilder(file.contentBytes() + 64);
        out.append("# ").append(file.path()).append(": managed by configuration management, do not edit\n");
        while (out.length() < file.contentBytes()) {
            if (random.nextInt(8) == 0) {
                out.append("\n# section ").append(random.nextInt(1000)).append('\n');
            }
            out.append("option_").append(random.nextInt(400)).append(" = ").append(Long.toHexString(random.nextLong()))
                    .append(random.nextBoolean() ? " yes" : " no").append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
