package io.driftproof.collector.enrollment;

import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.ingest.AgentEnrollment;
import io.driftproof.collector.ingest.AgentRefused;
import io.driftproof.collector.ingest.HostIds;
import io.driftproof.collector.security.SecurityConfig;
import io.driftproof.collector.security.pki.CollectorPki;
import io.driftproof.collector.security.pki.Pem;
import io.driftproof.proto.EnrollmentToken;
import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Enroll, exactly as docs/adr/0003 says: token syntax, CSR, token validity, then the certificate. */
@ApplicationScoped
public class EnrollmentService implements AgentEnrollment {

    private static final Logger LOG = Logger.getLogger(EnrollmentService.class);
    static final int MAX_HOST_ID = 64;

    private final CollectorPki pki;
    private final Enrollments enrollments;
    private final ServerClock clock;
    private final Duration validity;

    EnrollmentService(CollectorPki pki, Enrollments enrollments, ServerClock clock, SecurityConfig config) {
        this.pki = pki;
        this.enrollments = enrollments;
        this.clock = clock;
        this.validity = config.tls().clientCertificateValidity();
    }

    @Override
    public EnrollResponse enroll(EnrollRequest request) {
        EnrollmentToken token;
        try {
            token = EnrollmentToken.parse(request.getToken());
        } catch (EnrollmentToken.InvalidTokenException e) {
            throw new AgentRefused(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        }
        String hostId = request.getHost().getHostId();
        if (!HostIds.valid(hostId) || hostId.length() > MAX_HOST_ID) {
            throw new AgentRefused(Status.INVALID_ARGUMENT.withDescription("host.host_id must be 1-" + MAX_HOST_ID
                    + " characters of A-Z a-z 0-9 . _ : -"));
        }
        PublicKey key = SigningRequest.verifiedKey(request.getCsrDer().toByteArray(), hostId);
        if (!token.pins(pki.caCertificateDer())) {
            throw new AgentRefused(Status.PERMISSION_DENIED.withDescription(
                    "the enrollment token was issued for another CA: issue a new token"));
        }
        Instant now = clock.now();
        IssuedEnrollmentToken issued = enrollments.usable(token.secretHash(), now);
        CollectorPki.Material ca = pki.material();
        // Real time: the agent and the TLS stacks check validity against their own clocks.
        X509Certificate certificate = pki.issuer().client(ca.ca(), ca.caKey(), key, hostId, Instant.now(), validity);
        enrollments.record(issued, request.getHost(), certificate, now);
        LOG.infof("enrolled host %s: certificate serial %s, valid until %s", hostId,
                certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant());
        Instant notAfter = certificate.getNotAfter().toInstant();
        return EnrollResponse.newBuilder()
                .setCertificatePem(Pem.encode(certificate))
                .setCaCertificatePem(Pem.encode(ca.ca()))
                .setHostId(hostId)
                .setExpiresAt(Timestamp.newBuilder().setSeconds(notAfter.getEpochSecond()).setNanos(notAfter.getNano()))
                .build();
    }
}
