package io.driftproof.collector.ingest;

import io.driftproof.proto.v1.Hello;

/**
 * Who is on the other end of a Report stream. The only place that decides which host a stream
 * reports for: today from the Hello (plaintext, development); with mTLS from the client
 * certificate, refusing a Hello that names another host.
 */
public interface AgentIdentity {

    /** The host id the stream reports for; throws {@link ProtocolViolation} when it cannot tell. */
    String hostId(Hello hello);
}
