package io.driftproof.agent.delta;

import io.driftproof.agent.snapshot.ItemKeys;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemChange;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's committed view of the host: the item set of the last snapshot written to the
 * spool, its seq and scan time, its running manifest digest, and the content hashes already
 * spooled. It only ever moves forward by applying spooled deltas, so after a crash the spool
 * alone can bring it up to date. Not thread-safe; its owner serialises access.
 */
public final class AgentView {

    private long seq;
    private Instant observedAt;
    private boolean fullPending;
    private ManifestDigest digest;
    private final Map<String, ViewEntry> entries;
    private final Set<String> shippedContents;
    /** seq of a delta whose parts are being applied, 0 between deltas. */
    private long applying;

    private AgentView(long seq, Instant observedAt, boolean fullPending, ManifestDigest digest,
                      Map<String, ViewEntry> entries, Set<String> shippedContents) {
        this.seq = seq;
        this.observedAt = observedAt;
        this.fullPending = fullPending;
        this.digest = digest;
        this.entries = entries;
        this.shippedContents = shippedContents;
    }

    /** A host never reported: the first delta will be a full snapshot with seq 1. */
    public static AgentView empty() {
        return new AgentView(0, null, true, ManifestDigest.empty(), new HashMap<>(), new HashSet<>());
    }

    public static AgentView restore(long seq, Optional<Instant> observedAt, boolean fullPending, byte[] digest,
                             Collection<ViewEntry> entries, Collection<String> shippedContents) {
        Map<String, ViewEntry> byKey = new HashMap<>();
        entries.forEach(e -> byKey.put(e.itemKey(), e));
        return new AgentView(seq, observedAt.orElse(null), fullPending, ManifestDigest.fromBytes(digest),
                byKey, new HashSet<>(shippedContents));
    }

    public long seq() {
        return seq;
    }

    /** When the scan behind the last spooled delta ran. */
    public Optional<Instant> observedAt() {
        return Optional.ofNullable(observedAt);
    }

    /** True when the next delta must be a full snapshot: first contact, or the collector asked for one. */
    public boolean fullPending() {
        return fullPending;
    }

    public ManifestDigest digest() {
        return digest.copy();
    }

    public int size() {
        return entries.size();
    }

    public Optional<ViewEntry> entry(String itemKey) {
        return Optional.ofNullable(entries.get(itemKey));
    }

    public Collection<ViewEntry> entries() {
        return entries.values();
    }

    public boolean shipped(String sha256) {
        return shippedContents.contains(sha256);
    }

    public Set<String> shippedContents() {
        return Set.copyOf(shippedContents);
    }

    /**
     * Applies one spooled message of a delta. The view moves to the delta's seq with its last part.
     *
     * @throws IllegalStateException when the delta does not follow this view, or the result does not
     *                               match the delta's manifest digest and item count
     */
    public void apply(Delta part) {
        if (applying == 0) {
            begin(part);
        } else if (part.getSeq() != applying) {
            throw new IllegalStateException("delta seq " + part.getSeq() + " interleaved with the parts of seq " + applying);
        }
        for (ItemChange change : part.getChangesList()) {
            switch (change.getChangeCase()) {
                case UPSERT -> put(ViewEntry.of(change.getUpsert()));
                case REMOVAL -> remove(ItemKeys.of(change.getRemoval()));
                case CHANGE_NOT_SET -> throw new IllegalStateException("delta seq " + part.getSeq() + " has an empty change");
            }
        }
        for (Content content : part.getContentsList()) {
            shippedContents.add(content.getSha256());
        }
        if (!part.getMore()) {
            finish(part);
        }
    }

    private void begin(Delta first) {
        if (first.getSeq() <= seq) {
            throw new IllegalStateException("delta seq " + first.getSeq() + " is not after the view's seq " + seq);
        }
        if (first.getFull()) {
            entries.clear();
            shippedContents.clear();
            digest = ManifestDigest.empty();
        } else if (first.getBaseSeq() != seq) {
            throw new IllegalStateException("delta seq " + first.getSeq() + " is based on seq " + first.getBaseSeq()
                    + " but the view is at seq " + seq);
        }
        applying = first.getSeq();
    }

    private void finish(Delta last) {
        applying = 0;
        seq = last.getSeq();
        observedAt = ProtoTime.instant(last.getObservedAt());
        fullPending = false;
        // Content stays "shipped" only while an item refers to it: bounded memory, and a reverted
        // file re-ships its old content once (harmless, the collector deduplicates by hash).
        shippedContents.retainAll(entries.values().stream().map(ViewEntry::capturedSha256).collect(Collectors.toSet()));
        if (!digest.matches(last.getManifestDigest().toByteArray()) || entries.size() != last.getItemCount()) {
            throw new IllegalStateException("delta seq " + seq + " does not reproduce its manifest digest "
                    + "(view " + digest.toHex() + ", " + entries.size() + " items; delta "
                    + ManifestDigest.fromBytes(last.getManifestDigest().toByteArray()).toHex() + ", "
                    + last.getItemCount() + " items)");
        }
    }

    private void put(ViewEntry entry) {
        ViewEntry old = entries.put(entry.itemKey(), entry);
        if (old != null) {
            digest.removeFingerprint(old.fingerprint());
        }
        digest.addFingerprint(entry.fingerprint());
    }

    private void remove(String itemKey) {
        ViewEntry old = entries.remove(itemKey);
        if (old != null) {
            digest.removeFingerprint(old.fingerprint());
        }
    }

    /**
     * Forgets the item set so that the next delta is a full snapshot, numbered above both this
     * view's seq and {@code seqFloor} (the collector may have seen higher seqs than the agent
     * remembers).
     */
    public void reset(long seqFloor) {
        entries.clear();
        shippedContents.clear();
        digest = ManifestDigest.empty();
        seq = Math.max(seq, seqFloor);
        fullPending = true;
        applying = 0;
    }
}
