package io.driftproof.collector.enrollment;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.ingest.AgentRefused;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** The agent certificates on record: which count, and revoking a host's. */
@ApplicationScoped
public class AgentCertificates {

    private final ServerClock clock;
    private final Event<CertificatesRevoked> revoked;

    AgentCertificates(ServerClock clock, Event<CertificatesRevoked> revoked) {
        this.clock = clock;
        this.revoked = revoked;
    }

    /** Throws UNAUTHENTICATED unless the serial was issued to the host and is not revoked. */
    @Transactional
    public void requireActive(String serial, String hostId) {
        AgentCertificate certificate = AgentCertificate.findById(serial);
        if (certificate == null || !certificate.hostId.equals(hostId)) {
            throw new AgentRefused(Status.UNAUTHENTICATED.withDescription(
                    "the client certificate is not on record at this collector: enroll again with --force"));
        }
        if (certificate.revokedAt != null) {
            throw new AgentRefused(Status.UNAUTHENTICATED.withDescription("the client certificate of host " + hostId
                    + " was revoked at " + certificate.revokedAt + ": enroll again with a new token and --force"));
        }
    }

    /** Revokes every certificate of the host; its open streams are closed once this commits. */
    @Transactional
    public RevocationView revoke(String hostId, String by) {
        List<AgentCertificate> active = AgentCertificate.list("hostId = ?1 and revokedAt is null", hostId);
        if (active.isEmpty() && AgentCertificate.count("hostId", hostId) == 0) {
            throw ProblemException.notFound("host '" + hostId + "' has no certificate");
        }
        Instant now = clock.now();
        for (AgentCertificate certificate : active) {
            certificate.revokedAt = now;
            certificate.revokedBy = by;
        }
        revoked.fire(new CertificatesRevoked(hostId));
        return new RevocationView(hostId, active.stream().map(c -> c.serial).toList(), now);
    }
}
