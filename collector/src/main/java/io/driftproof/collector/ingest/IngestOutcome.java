package io.driftproof.collector.ingest;

/** What became of a complete delta. */
sealed interface IngestOutcome {

    /** Applied; the counts are what it changed in storage. */
    record Applied(long seq, int upserts, int removals, int observedChanges) implements IngestOutcome {
    }

    /** Applied before; nothing changed. */
    record Duplicate(long seq) implements IngestOutcome {
    }

    /** Not applied: the agent must send a full snapshot. */
    record Resync(String reason, long lastSeq) implements IngestOutcome {
    }
}
