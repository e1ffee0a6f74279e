package io.driftproof.collector.ingest;

/** Fired by ingest once the transaction that recorded a snapshot's observed changes has committed;
 * observers (reconciliation) find them by host and snapshot sequence. */
public record ObservedChangesRecorded(String hostId, long snapshotSeq) {
}
