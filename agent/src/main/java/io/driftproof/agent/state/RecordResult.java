package io.driftproof.agent.state;

/**
 * What became of one snapshot.
 *
 * @param seq     the spooled delta's seq (RECORDED), else the view's seq
 * @param changes item changes in the spooled delta
 * @param message why it was not recorded (SPOOL_FULL)
 */
public record RecordResult(Outcome outcome, long seq, int changes, String message) {

    public enum Outcome {
        /** A delta was spooled and the view moved forward. */
        RECORDED,
        /** Nothing changed: no delta. */
        UNCHANGED,
        /** The delta did not fit into the spool; the view did not move, so a later scan carries the change. */
        SPOOL_FULL,
        /** The next delta must be a full snapshot from a scan that re-read everything; this one was not used. */
        NEEDS_FULL_SCAN
    }

    static RecordResult recorded(long seq, int changes) {
        return new RecordResult(Outcome.RECORDED, seq, changes, "");
    }

    static RecordResult unchanged(long seq) {
        return new RecordResult(Outcome.UNCHANGED, seq, 0, "");
    }

    static RecordResult spoolFull(long seq, String message) {
        return new RecordResult(Outcome.SPOOL_FULL, seq, 0, message);
    }

    static RecordResult needsFullScan(long seq) {
        return new RecordResult(Outcome.NEEDS_FULL_SCAN, seq, 0, "");
    }
}
