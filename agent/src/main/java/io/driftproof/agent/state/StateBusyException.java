package io.driftproof.agent.state;

/** The state directory is in use by another agent process. */
public final class StateBusyException extends RuntimeException {
    public StateBusyException(String message) {
        super(message);
    }
}
