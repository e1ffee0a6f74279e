package io.driftproof.collector.findings;

/** Fired in the transaction that opened (or reopened) a finding; {@code occurrence} counts openings. */
public record FindingOpened(long findingId, int occurrence) {
}
