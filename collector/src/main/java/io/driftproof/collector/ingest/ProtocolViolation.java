package io.driftproof.collector.ingest;

/** An agent message the collector refuses; the stream is closed with INVALID_ARGUMENT and this
 * message, and nothing of the message is stored. */
public class ProtocolViolation extends RuntimeException {

    public ProtocolViolation(String message) {
        super(message);
    }
}
