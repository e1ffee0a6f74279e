package io.driftproof.collector.ingest;

import io.driftproof.proto.v1.Hello;

/** Development identity of a plaintext connection (driftproof.agent.allow-plaintext): trusts the
 * host id the agent names in its Hello. */
public final class HelloAgentIdentity implements AgentIdentity {

    @Override
    public String hostId(Hello hello) {
        String id = hello.getHost().getHostId();
        if (!HostIds.valid(id)) {
            throw new ProtocolViolation("Hello.host.host_id must be 1-128 characters of A-Z a-z 0-9 . _ : - , got '"
                    + HostIds.shown(id) + "'");
        }
        return id;
    }

    @Override
    public void recheck() {
        // nothing to revoke
    }
}
