package io.driftproof.collector.ingest;

import io.driftproof.proto.v1.Hello;

/**
 * Who is on the other end of a Report stream, as established by the {@link AgentAuthenticator}
 * when the stream opened. The only place that decides which host a stream reports for.
 */
public interface AgentIdentity {

    /** The host id the stream reports for. Throws {@link ProtocolViolation} for a malformed Hello and
     * {@link AgentRefused} when the caller may not report for the host the Hello names. */
    String hostId(Hello hello);

    /** Throws {@link AgentRefused} once the credential no longer counts (e.g. a revoked certificate);
     * checked before every delta, so a revocation on another collector replica stops the stream too. */
    void recheck();
}
