package io.driftproof.collector.enrollment;

import io.driftproof.collector.ingest.AgentIdentity;
import io.driftproof.collector.ingest.AgentRefused;
import io.driftproof.collector.ingest.HostIds;
import io.driftproof.proto.v1.Hello;
import io.grpc.Status;

/** An agent known by its client certificate: the host id is the certificate's, never the Hello's. */
final class CertificateAgentIdentity implements AgentIdentity {

    private final String hostId;
    private final String serial;
    private final AgentCertificates certificates;

    CertificateAgentIdentity(String hostId, String serial, AgentCertificates certificates) {
        this.hostId = hostId;
        this.serial = serial;
        this.certificates = certificates;
    }

    @Override
    public String hostId(Hello hello) {
        recheck();
        String named = hello.getHost().getHostId();
        if (!hostId.equals(named)) {
            throw new AgentRefused(Status.PERMISSION_DENIED.withDescription("this agent's certificate is for host "
                    + hostId + ", the Hello names host '" + HostIds.shown(named) + "'"));
        }
        return hostId;
    }

    @Override
    public void recheck() {
        certificates.requireActive(serial, hostId);
    }
}
