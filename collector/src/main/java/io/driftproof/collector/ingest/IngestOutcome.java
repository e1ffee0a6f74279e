package io.driftproof.collector.ingest;

import java.time.Instant;

/** What became of a complete delta. */
sealed interface IngestOutcome {

    /** Applied; the counts are what it changed in storage, observedAt is skew-corrected. */
    record Applied(long seq, int upserts, int removals, int observedChanges, Instant observedAt) implements IngestOutcome {
    }

    /** Applied before; nothing changed. */
    record Duplicate(long seq) implements IngestOutcome {
    }

    /** Not applied: the agent must send a full snapshot. */
    record Resync(String reason, long lastSeq) implements IngestOutcome {
    }
}
