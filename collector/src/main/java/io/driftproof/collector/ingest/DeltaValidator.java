package io.driftproof.collector.ingest;

import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.collector.content.ContentCodec;
import io.driftproof.collector.inventory.ItemKey;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ItemRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a complete delta before anything of it is stored; the first problem found is thrown
 * as a {@link ProtocolViolation} naming it. */
@ApplicationScoped
public class DeltaValidator {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final CollectorConfig.Ingest limits;

    DeltaValidator(CollectorConfig config) {
        this.limits = config.ingest();
    }

    public void validate(Delta delta) {
        String where = "delta " + delta.getSeq() + ": ";
        header(delta, where);
        if (delta.getChangesCount() > limits.maxChangesPerDelta()) {
            throw new ProtocolViolation(where + delta.getChangesCount() + " changes, limit " + limits.maxChangesPerDelta());
        }
        Set<ItemKey> seen = new HashSet<>();
        ManifestDigest snapshotDigest = ManifestDigest.empty();
        for (ItemChange change : delta.getChangesList()) {
            ItemKey key = switch (change.getChangeCase()) {
                case UPSERT -> upsert(change.getUpsert(), where);
                case REMOVAL -> {
                    if (delta.getFull()) {
                        throw new ProtocolViolation(where + "a full snapshot cannot hold removals");
                    }
                    yield removal(change.getRemoval(), where);
                }
                case CHANGE_NOT_SET -> throw new ProtocolViolation(where + "an item change has neither upsert nor removal");
            };
            if (!seen.add(key)) {
                throw new ProtocolViolation(where + "item " + key + " appears more than once");
            }
            if (delta.getFull()) {
                snapshotDigest.add(change.getUpsert());
            }
        }
        if (delta.getFull()) {
            fullSnapshot(delta, snapshotDigest, where);
        }
        Set<String> hashes = new HashSet<>();
        for (Content content : delta.getContentsList()) {
            content(content, where);
            if (!hashes.add(content.getSha256())) {
                throw new ProtocolViolation(where + "content " + content.getSha256() + " appears more than once");
            }
        }
    }

    private static void header(Delta delta, String where) {
        if (delta.getSeq() <= 0) {
            throw new ProtocolViolation(where + "seq must be positive");
        }
        if (delta.getBaseSeq() < 0) {
            throw new ProtocolViolation(where + "base_seq must not be negative");
        }
        if (!delta.getFull() && delta.getBaseSeq() >= delta.getSeq()) {
            throw new ProtocolViolation(where + "base_seq " + delta.getBaseSeq() + " must be below seq");
        }
        if (!delta.hasObservedAt()) {
            throw new ProtocolViolation(where + "observed_at is missing");
        }
        if (delta.getManifestDigest().size() != ManifestDigest.BYTES) {
            throw new ProtocolViolation(where + "manifest_digest must be " + ManifestDigest.BYTES + " bytes, got "
                    + delta.getManifestDigest().size());
        }
        if (delta.getItemCount() < 0) {
            throw new ProtocolViolation(where + "item_count must not be negative");
        }
    }

    /** A full snapshot is self-contained: its digest and count must match its own items. */
    private static void fullSnapshot(Delta delta, ManifestDigest digest, String where) {
        if (delta.getItemCount() != delta.getChangesCount()) {
            throw new ProtocolViolation(where + "full snapshot holds " + delta.getChangesCount()
                    + " items but item_count says " + delta.getItemCount());
        }
        if (!digest.matches(delta.getManifestDigest().toByteArray())) {
            throw new ProtocolViolation(where + "manifest_digest of the full snapshot does not match its items");
        }
    }

    private static ItemKey upsert(Item item, String where) {
        ItemKind kind = kind(item.getKind(), item.getKindValue(), where);
        String problem = ItemKeySyntax.problem(kind, item.getKey());
        if (problem != null) {
            throw new ProtocolViolation(where + kind + " item '" + item.getKey() + "': " + problem);
        }
        boolean detailMatches = switch (kind) {
            case PACKAGE -> item.hasPackage();
            case FIRMWARE -> item.hasFirmware();
            case CONFIG_FILE -> item.hasConfigFile();
        };
        if (!detailMatches) {
            throw new ProtocolViolation(where + kind + " item '" + item.getKey() + "' lacks its " + kind + " detail");
        }
        if (kind == ItemKind.CONFIG_FILE) {
            configFile(item, where);
        }
        return new ItemKey(kind, item.getKey());
    }

    private static void configFile(Item item, String where) {
        var file = item.getConfigFile();
        if (!file.getPath().equals(item.getKey())) {
            throw new ProtocolViolation(where + "CONFIG_FILE item '" + item.getKey() + "' has path '" + file.getPath() + "'");
        }
        if (!file.getSha256().isEmpty() && !SHA256_HEX.matcher(file.getSha256()).matches()) {
            throw new ProtocolViolation(where + "CONFIG_FILE item '" + item.getKey() + "': sha256 must be 64 lower-case hex digits");
        }
    }

    private static ItemKey removal(ItemRef ref, String where) {
        ItemKind kind = kind(ref.getKind(), ref.getKindValue(), where);
        String problem = ItemKeySyntax.problem(kind, ref.getKey());
        if (problem != null) {
            throw new ProtocolViolation(where + "removal of " + kind + " '" + ref.getKey() + "': " + problem);
        }
        return new ItemKey(kind, ref.getKey());
    }

    private static ItemKind kind(io.driftproof.proto.v1.ItemKind kind, int number, String where) {
        return ItemKind.fromProto(kind).orElseThrow(() -> new ProtocolViolation(where + "unknown item kind " + number));
    }

    private void content(Content content, String where) {
        if (!SHA256_HEX.matcher(content.getSha256()).matches()) {
            throw new ProtocolViolation(where + "content sha256 must be 64 lower-case hex digits");
        }
        if (content.getData().size() > limits.maxContentBytes()) {
            throw new ProtocolViolation(where + "content " + content.getSha256() + " is " + content.getData().size()
                    + " bytes, limit " + limits.maxContentBytes());
        }
        String actual = ContentCodec.sha256Hex(content.getData().toByteArray());
        if (!actual.equals(content.getSha256())) {
            throw new ProtocolViolation(where + "content " + content.getSha256() + " does not match its data (SHA-256 " + actual + ")");
        }
    }
}
