package io.driftproof.agent.transport;

import io.driftproof.agent.spool.SpoolEntry;
import io.driftproof.agent.state.Marks;
import io.driftproof.proto.v1.Welcome;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the agent does after the collector's Welcome. The collector leads: deltas it already has
 * count as acknowledged; if it stands at a seq the spool cannot continue from (it knows nothing
 * of the host, was restored from a backup, or is ahead of the agent) or its digest disagrees,
 * the agent drops its pending deltas and sends a full snapshot numbered above the collector's seq.
 *
 * @param ackThrough   spooled deltas up to this seq are already applied by the collector (0: none)
 * @param fullSnapshot whether a full snapshot must replace the pending deltas
 * @param seqFloor     the full snapshot's seq must be above this
 */
record WelcomeDecision(long ackThrough, boolean fullSnapshot, long seqFloor, String reason) {

    static WelcomeDecision decide(Welcome welcome, Marks marks, List<SpoolEntry> pending) {
        long collectorSeq = welcome.getLastSeq();
        byte[] collectorDigest = welcome.getManifestDigest().toByteArray();
        if (collectorSeq == marks.ackedSeq()) {
            if (collectorSeq > 0 && disagree(collectorDigest, marks.ackedDigest())) {
                return full(collectorSeq, "the collector's manifest digest at seq " + collectorSeq + " differs from the agent's");
            }
            return new WelcomeDecision(0, false, 0, "in step");
        }
        Optional<SpoolEntry> known = pending.stream().filter(e -> e.seq() == collectorSeq).findFirst();
        if (known.isPresent()) {
            if (disagree(collectorDigest, known.get().digest().toByteArray())) {
                return full(collectorSeq, "the collector's manifest digest at seq " + collectorSeq + " differs from the agent's");
            }
            return new WelcomeDecision(collectorSeq, false, 0, "collector already applied up to seq " + collectorSeq);
        }
        if (collectorSeq == 0) {
            return full(0, "the collector knows nothing of this host");
        }
        return full(collectorSeq, "the collector is at seq " + collectorSeq + ", the agent cannot continue from there"
                + " (acknowledged " + marks.ackedSeq() + ", " + pending.size() + " pending)");
    }

    private static WelcomeDecision full(long floor, String reason) {
        return new WelcomeDecision(0, true, floor, reason);
    }

    /** An empty digest (unknown on either side) never disagrees. */
    private static boolean disagree(byte[] a, byte[] b) {
        return a.length > 0 && b.length > 0 && !Arrays.equals(a, b);
    }
}
