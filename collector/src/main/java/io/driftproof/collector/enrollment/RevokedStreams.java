package io.driftproof.collector.enrollment;

import io.driftproof.collector.ingest.ReportSessions;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Closes this collector's open Report streams of a host once its revocation has committed. Streams
 * on other replicas stop at their next delta ({@link CertificateAgentIdentity#recheck}). */
@ApplicationScoped
class RevokedStreams {

    private final ReportSessions sessions;

    RevokedStreams(ReportSessions sessions) {
        this.sessions = sessions;
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificatesRevoked revoked) {
        sessions.close(revoked.hostId(), Status.UNAUTHENTICATED.withDescription(
                "the client certificate of host " + revoked.hostId() + " was revoked"));
    }
}
