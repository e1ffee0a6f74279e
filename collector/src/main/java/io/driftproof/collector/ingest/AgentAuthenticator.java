package io.driftproof.collector.ingest;

import io.grpc.Attributes;

/** Establishes the identity of a Report caller from its transport (TLS session, client certificate). */
public interface AgentAuthenticator {

    /** Throws {@link AgentRefused} when the caller may not report at all. Does not use the database:
     * it runs when the stream opens, possibly on an I/O thread. */
    AgentIdentity authenticate(Attributes transport);
}
