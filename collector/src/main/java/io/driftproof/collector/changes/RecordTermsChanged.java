package io.driftproof.collector.changes;

/**
 * Fired (synchronously, in the transaction that made it) when what a record says about observed
 * changes changed: approval, rejection, revision (a new window or scope), cancellation, retirement.
 * Reconciliation runs again over the changes the record explained and those it may explain now.
 */
public record RecordTermsChanged(long recordId) {
}
