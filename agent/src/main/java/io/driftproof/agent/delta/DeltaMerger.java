package io.driftproof.agent.delta;

import com.google.protobuf.UnsafeByteOperations;
import io.driftproof.agent.hash.Sha256;
import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.agent.snapshot.ItemKeys;
import io.driftproof.agent.snapshot.SnapshotSink;
import io.driftproof.proto.ItemFingerprint;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ScanError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a scan into the delta from the committed view while the scan runs: a merge of the
 * scan's items with the view's entries, both in item-key order. Items that are new or whose
 * fingerprint changed are upserts, entries the scan no longer has are removals. A fingerprint
 * ignores timestamps, so touching a file is no change, and a scan that changes nothing yields
 * no delta. Each upsert's content ships when the view did not already hold it for that item,
 * once per distinct hash per delta. Memory stays constant: parts go to the {@link PartWriter}
 * as they fill and the new view's entries to the {@link ViewWriter}.
 *
 * <p>A write failure does not interrupt the scan (it runs inside collectors); it is remembered
 * and thrown by {@link #finish}.
 */
public final class DeltaMerger implements SnapshotSink {

    /** At most this many scan errors travel with one delta; the last says how many were left out. */
    static final int MAX_ERRORS = 1000;

    private final AgentView base;
    private final ViewReader old;
    private final Optional<Instant> previousScan;
    private final int partBytes;
    private final PartWriter partWriter;
    private final ViewWriter next;
    private final boolean full;
    private final ManifestDigest digest;
    private final ContentHashes shipped = new ContentHashes();
    private final Sha256 sha256 = Sha256.create();
    private final List<ScanError> errors = new ArrayList<>();
    private int problems;
    private DeltaParts parts;
    private Instant observedAt;
    private ViewEntry pending;
    private String pendingKey;
    private String lastKey;
    private String wantedContent;
    private int changes;
    private int items;
    private IOException failure;

    /**
     * @param base         the committed view
     * @param old          its entries (ignored when a full snapshot is due)
     * @param previousScan the last scan that saw the host exactly as the view
     */
    public DeltaMerger(AgentView base, ViewReader old, Optional<Instant> previousScan, PartWriter parts, ViewWriter next) {
        this(base, old, previousScan, DeltaParts.PART_BYTES, parts, next);
    }

    DeltaMerger(AgentView base, ViewReader old, Optional<Instant> previousScan, int partBytes, PartWriter parts, ViewWriter next) {
        this.base = base;
        this.full = base.fullPending();
        this.old = full ? ViewReader.EMPTY : old;
        this.previousScan = previousScan;
        this.partBytes = partBytes;
        this.partWriter = parts;
        this.next = next;
        this.digest = full ? ManifestDigest.empty() : base.digest();
    }

    /** What the merge produced. */
    public record Result(long seq, int changes, long bytes, AgentView view) {
    }

    /** When the scan ran, once it began. */
    public Instant observedAt() {
        return observedAt;
    }

    @Override
    public void begin(Instant observedAt, List<String> collectors) {
        this.observedAt = observedAt;
        Delta.Builder header = Delta.newBuilder()
                .setSeq(base.seq() + 1)
                .setBaseSeq(full ? 0 : base.seq())
                .setObservedAt(ProtoTime.of(observedAt))
                .setFull(full)
                .addAllCollectors(collectors);
        // A full snapshot's base is better known to the collector than to the agent.
        if (!full) {
            previousScan.ifPresent(t -> header.setPreviousObservedAt(ProtoTime.of(t)));
        }
        parts = new DeltaParts(header.build(), partBytes, partWriter);
        guarded(this::advance);
    }

    @Override
    public void item(Item item) {
        guarded(() -> merge(item));
    }

    private void merge(Item item) throws IOException {
        String key = ItemKeys.of(item);
        if (lastKey != null && key.compareTo(lastKey) <= 0) {
            throw new IllegalStateException("scan item " + key + " arrived after " + lastKey);
        }
        lastKey = key;
        while (pending != null && pendingKey.compareTo(key) < 0) {
            removal(pending);
            advance();
        }
        ViewEntry before = null;
        if (pending != null && pendingKey.equals(key)) {
            before = pending;
            advance();
        }
        byte[] fingerprint = ItemFingerprint.of(item, sha256::digest);
        ViewEntry entry = ViewEntry.of(item, fingerprint);
        next.add(entry);
        items++;
        wantedContent = null;
        if (before != null && Arrays.equals(before.fingerprint(), fingerprint)) {
            return;
        }
        if (before != null) {
            digest.removeFingerprint(before.fingerprint());
        }
        digest.addFingerprint(fingerprint);
        parts.change(ItemChange.newBuilder().setUpsert(item).build());
        changes++;
        String sha256 = entry.capturedSha256();
        if (!sha256.isEmpty() && (before == null || !sha256.equals(before.capturedSha256()))) {
            wantedContent = sha256;
        }
    }

    @Override
    public void content(String sha256, byte[] data) {
        if (!sha256.equals(wantedContent)) {
            return;
        }
        wantedContent = null;
        if (shipped.add(sha256)) {
            guarded(() -> parts.content(Content.newBuilder().setSha256(sha256)
                    .setData(UnsafeByteOperations.unsafeWrap(data)).build()));
        }
    }

    @Override
    public void problem(ScanProblem p) {
        problems++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(ScanError.newBuilder().setCollector(p.collector()).setPath(p.path()).setMessage(p.message()).build());
        }
    }

    /**
     * Ends the merge: entries the scan did not see are removals.
     *
     * @return the delta, or empty when nothing changed (never for a full snapshot)
     * @throws IOException when writing a part or the new view failed
     */
    public Optional<Result> finish() throws IOException {
        guarded(() -> {
            while (pending != null) {
                removal(pending);
                advance();
            }
        });
        sha256.close();
        if (failure != null) {
            throw failure;
        }
        if (!full && changes == 0) {
            return Optional.empty();
        }
        if (problems > errors.size()) {
            errors.set(MAX_ERRORS - 1, ScanError.newBuilder().setCollector("agent")
                    .setMessage((problems - MAX_ERRORS + 1) + " more problems not listed").build());
        }
        byte[] manifest = digest.toBytes();
        parts.finish(manifest, items, errors);
        AgentView view = new AgentView(base.seq() + 1, Optional.of(observedAt), false, ManifestDigest.fromBytes(manifest), items);
        return Optional.of(new Result(view.seq(), changes, parts.bytes(), view));
    }

    private void removal(ViewEntry gone) throws IOException {
        digest.removeFingerprint(gone.fingerprint());
        parts.change(ItemChange.newBuilder().setRemoval(gone.ref()).build());
        changes++;
    }

    private void advance() throws IOException {
        String previousKey = pendingKey;
        pending = old.next();
        pendingKey = pending == null ? null : pending.itemKey();
        if (pendingKey != null && previousKey != null && pendingKey.compareTo(previousKey) <= 0) {
            throw new IOException("the view file is out of order at " + pendingKey + "; a full snapshot is needed");
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void guarded(Step step) {
        if (failure != null) {
            return;
        }
        try {
            step.run();
        } catch (IOException e) {
            failure = e;
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        }
    }
}
