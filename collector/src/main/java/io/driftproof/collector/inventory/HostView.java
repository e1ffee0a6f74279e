package io.driftproof.collector.inventory;

import java.time.Instant;
import java.util.List;

/** A host as the REST API shows it. */
public record HostView(String id, String hostname, String os, String kernel, String arch, String agentVersion,
                       List<String> tags, String cmdbAssetId, Instant firstSeen, Instant lastSeen, long lastSeq,
                       Long baselineSeq, Instant baselineAt, Instant lastObservedAt, long itemCount, String manifestDigest, ClockSkewView clockSkew) {

    /** The agent clock minus the collector clock, bounded by half the probe's round trip. */
    public record ClockSkewView(long skewMs, long uncertaintyMs, Instant measuredAt) {
    }

    static HostView of(Host h) {
        ClockSkewView skew = h.clockSkewMs == null ? null
                : new ClockSkewView(h.clockSkewMs, h.clockUncertaintyMs, h.clockMeasuredAt);
        return new HostView(h.id, h.hostname, h.os, h.kernel, h.arch, h.agentVersion, h.tags.stream().sorted().toList(),
                h.cmdbAssetId, h.firstSeen, h.lastSeen, h.lastSeq, h.baselineSeq, h.baselineAt, h.lastObservedAt, h.itemCount, h.manifestDigest, skew);
    }
}
