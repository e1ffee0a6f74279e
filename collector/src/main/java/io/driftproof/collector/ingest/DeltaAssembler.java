package io.driftproof.collector.ingest;

import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.proto.v1.Delta;

import java.util.Optional;

/**
 * Joins the parts of one delta (every part but the last has more = true) into one message, within
 * the configured limits. One per stream; not thread-safe.
 */
final class DeltaAssembler {

    private final CollectorConfig.Ingest limits;
    private Delta.Builder pending;
    private int parts;
    private long bytes;

    DeltaAssembler(CollectorConfig.Ingest limits) {
        this.limits = limits;
    }

    /** The complete delta once its last part arrived. */
    Optional<Delta> add(Delta part) {
        if (pending != null && part.getSeq() != pending.getSeq()) {
            throw new ProtocolViolation("delta " + pending.getSeq() + " is incomplete but a part of delta "
                    + part.getSeq() + " arrived");
        }
        parts++;
        bytes += part.getSerializedSize();
        if (parts > limits.maxPartsPerDelta()) {
            throw new ProtocolViolation("delta " + part.getSeq() + " has more than " + limits.maxPartsPerDelta() + " parts");
        }
        if (bytes > limits.maxDeltaBytes()) {
            throw new ProtocolViolation("delta " + part.getSeq() + " is larger than " + limits.maxDeltaBytes() + " bytes");
        }
        if (pending == null) {
            pending = part.toBuilder();
        } else {
            // The header (times, digest, count, flags) is the last part's; lists accumulate.
            pending.addAllChanges(part.getChangesList()).addAllContents(part.getContentsList())
                    .addAllErrors(part.getErrorsList()).addAllCollectors(part.getCollectorsList());
            copyHeader(part, pending);
        }
        if (part.getMore()) {
            return Optional.empty();
        }
        Delta complete = pending.setMore(false).build();
        pending = null;
        parts = 0;
        bytes = 0;
        return Optional.of(complete);
    }

    private static void copyHeader(Delta from, Delta.Builder to) {
        to.setBaseSeq(from.getBaseSeq()).setFull(from.getFull()).setManifestDigest(from.getManifestDigest())
                .setItemCount(from.getItemCount());
        if (from.hasObservedAt()) {
            to.setObservedAt(from.getObservedAt());
        }
        if (from.hasPreviousObservedAt()) {
            to.setPreviousObservedAt(from.getPreviousObservedAt());
        }
    }
}
