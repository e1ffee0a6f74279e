package io.driftproof.collector.ingest;

/** Fired by ingest in the transaction that recorded a snapshot's observed changes; observers that
 * act after commit (reconciliation) find them by host and snapshot sequence. */
public record ObservedChangesRecorded(String hostId, long snapshotSeq) {
}
