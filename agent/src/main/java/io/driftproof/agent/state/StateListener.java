package io.driftproof.agent.state;

/** What the rest of the agent wants to hear from the state: the sender and the scan scheduler. */
public interface StateListener {

    StateListener NONE = new StateListener() {
    };

    /** A new delta is in the spool, ready to send. */
    default void deltaSpooled(long seq) {
    }

    /** An ack freed space after a delta did not fit: the held-back change should be scanned again. */
    default void spoolSpaceFreed() {
    }
}
