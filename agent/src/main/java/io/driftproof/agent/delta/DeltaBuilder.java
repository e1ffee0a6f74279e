package io.driftproof.agent.delta;

import com.google.protobuf.UnsafeByteOperations;
import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.proto.ItemFingerprint;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ScanError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a new snapshot with the committed view: items that are new or whose fingerprint
 * changed are upserts, items gone are removals. A fingerprint ignores timestamps, so touching a
 * file is no change, and a snapshot that changes nothing yields no delta at all.
 */
public final class DeltaBuilder {

    private DeltaBuilder() {
    }

    /**
     * @param previousScan the last scan that saw the host exactly as the view
     * @return the delta from the view to the snapshot, or empty when nothing changed; a full
     *         snapshot when the view asks for one (always returned, even if nothing changed)
     */
    public static Optional<DeltaPlan> build(AgentView view, Snapshot snapshot, Optional<Instant> previousScan) {
        boolean full = view.fullPending();
        ManifestDigest digest = full ? ManifestDigest.empty() : view.digest();
        List<ItemChange> changes = new ArrayList<>();
        List<Item> upserts = new ArrayList<>();
        for (Map.Entry<String, Item> e : snapshot.items().entrySet()) {
            byte[] fingerprint = ItemFingerprint.of(e.getValue());
            Optional<ViewEntry> before = full ? Optional.empty() : view.entry(e.getKey());
            if (before.isPresent() && Arrays.equals(before.get().fingerprint(), fingerprint)) {
                continue;
            }
            before.ifPresent(b -> digest.removeFingerprint(b.fingerprint()));
            digest.addFingerprint(fingerprint);
            changes.add(ItemChange.newBuilder().setUpsert(e.getValue()).build());
            upserts.add(e.getValue());
        }
        if (!full) {
            view.entries().stream()
                    .filter(entry -> !snapshot.items().containsKey(entry.itemKey()))
                    .sorted(Comparator.comparing(ViewEntry::itemKey))
                    .forEach(entry -> {
                        digest.removeFingerprint(entry.fingerprint());
                        changes.add(ItemChange.newBuilder().setRemoval(entry.ref()).build());
                    });
            if (changes.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new DeltaPlan(view.seq() + 1, full ? 0 : view.seq(), snapshot.observedAt(),
                full ? Optional.empty() : previousScan, digest.toBytes(), snapshot.items().size(), full,
                changes, contents(view, snapshot, upserts, full), errors(snapshot), snapshot.collectors()));
    }

    /** Content of upserted items that ships: once per distinct hash, all of it in a full snapshot. */
    private static List<Content> contents(AgentView view, Snapshot snapshot, List<Item> upserts, boolean full) {
        Map<String, Content> contents = new LinkedHashMap<>();
        for (Item item : upserts) {
            String sha256 = ViewEntry.capturedSha256(item);
            byte[] data = snapshot.contents().get(sha256);
            if (sha256.isEmpty() || data == null || contents.containsKey(sha256) || !full && view.shipped(sha256)) {
                continue;
            }
            contents.put(sha256, Content.newBuilder().setSha256(sha256)
                    .setData(UnsafeByteOperations.unsafeWrap(data)).build());
        }
        return List.copyOf(contents.values());
    }

    private static List<ScanError> errors(Snapshot snapshot) {
        List<ScanError> errors = new ArrayList<>();
        for (ScanProblem p : snapshot.problems()) {
            errors.add(ScanError.newBuilder().setCollector(p.collector()).setPath(p.path()).setMessage(p.message()).build());
        }
        return errors;
    }
}
