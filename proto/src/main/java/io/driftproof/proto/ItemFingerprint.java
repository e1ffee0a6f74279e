package io.driftproof.proto;

import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.PackageDetail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The identity of an item's observable state. Two items with the same fingerprint are the same
 * observation; agent and collector both compute it from the protobuf item, so it is defined here
 * over explicit fields rather than over serialized bytes (which are not canonical).
 *
 * <p>Timestamps (mtime, ctime, install time) and derived values (size, content state) are left
 * out on purpose: touching a file without changing it is not a change.
 */
public final class ItemFingerprint {

    private static final String VERSION = "driftproof.v1";

    private ItemFingerprint() {
    }

    /** SHA-256 over the canonical form of the item. */
    public static byte[] of(Item item) {
        return sha256(canonical(item));
    }

    /** The same, hashed by {@code sha256} (e.g. a native implementation). */
    public static byte[] of(Item item, UnaryOperator<byte[]> sha256) {
        return sha256.apply(canonical(item).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical text form: one field per line, NUL-free because keys are validated. */
    public static String canonical(Item item) {
        StringBuilder out = new StringBuilder(128);
        field(out, VERSION);
        field(out, item.getKind().name());
        field(out, item.getKey());
        switch (item.getDetailCase()) {
            case PACKAGE -> packageFields(out, item.getPackage());
            case FIRMWARE -> firmwareFields(out, item.getFirmware());
            case CONFIG_FILE -> configFileFields(out, item.getConfigFile());
            case DETAIL_NOT_SET -> field(out, "-");
        }
        return out.toString();
    }

    private static void packageFields(StringBuilder out, PackageDetail p) {
        field(out, p.getName());
        field(out, p.getVersion());
        field(out, p.getArch());
        field(out, p.getManager());
    }

    private static void firmwareFields(StringBuilder out, FirmwareDetail f) {
        field(out, f.getComponent());
        field(out, f.getVendor());
        field(out, f.getVersion());
        field(out, f.getReleaseDate());
        field(out, f.getName());
        for (Map.Entry<String, String> e : new TreeMap<>(f.getAttributesMap()).entrySet()) {
            field(out, e.getKey() + "=" + e.getValue());
        }
    }

    private static void configFileFields(StringBuilder out, ConfigFileDetail c) {
        field(out, c.getType().name());
        field(out, c.getSha256());
        field(out, Integer.toOctalString(c.getMode()));
        field(out, Long.toString(c.getUid()));
        field(out, Long.toString(c.getGid()));
        field(out, c.getOwner());
        field(out, c.getGroup());
        field(out, c.getSymlinkTarget());
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append('\n');
    }

    /** Looking the algorithm up costs more than hashing one item, so each thread keeps one. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    static byte[] sha256(String text) {
        return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
