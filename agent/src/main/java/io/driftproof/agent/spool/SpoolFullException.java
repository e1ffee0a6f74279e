package io.driftproof.agent.spool;

/** A delta does not fit into the spool; it was not written. */
public final class SpoolFullException extends Exception {

    public SpoolFullException(long seq, long deltaBytes, long spoolBytes, long limit) {
        super("spool full: delta seq " + seq + " (" + deltaBytes + " bytes) does not fit, " + spoolBytes + " of "
                + limit + " bytes used by undelivered deltas; the change stays pending and ships with a later scan."
                + " Check that the collector is reachable, or raise spool-limit");
    }
}
