package io.driftproof.agent.delta;

import io.driftproof.proto.ManifestDigest;

import java.time.Instant;
import java.util.Optional;

/**
 * The agent's committed view of the host, as far as it is kept in memory: the seq and scan time
 * of the last delta written to the spool, the running manifest digest and the item count. The
 * items themselves stay on disk (the view file) and are read as a stream by the next scan's
 * {@link DeltaMerger}. Immutable.
 *
 * @param fullPending true when the next delta must be a full snapshot: first contact, or the
 *                    collector asked for one
 */
public record AgentView(long seq, Optional<Instant> observedAt, boolean fullPending, ManifestDigest digest, int size) {

    public AgentView {
        digest = digest.copy();
    }

    /** A host never reported: the first delta will be a full snapshot with seq 1. */
    public static AgentView empty() {
        return new AgentView(0, Optional.empty(), true, ManifestDigest.empty(), 0);
    }

    public static AgentView restore(long seq, Optional<Instant> observedAt, boolean fullPending, byte[] digest, int size) {
        return new AgentView(seq, observedAt, fullPending, ManifestDigest.fromBytes(digest), size);
    }

    @Override
    public ManifestDigest digest() {
        return digest.copy();
    }

    /**
     * No items, so that the next delta is a full snapshot, numbered above both this view's seq
     * and {@code seqFloor} (the collector may have seen higher seqs than the agent remembers).
     */
    public AgentView reset(long seqFloor) {
        return new AgentView(Math.max(seq, seqFloor), observedAt, true, ManifestDigest.empty(), 0);
    }
}
