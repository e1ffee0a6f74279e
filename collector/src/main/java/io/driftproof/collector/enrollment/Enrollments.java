package io.driftproof.collector.enrollment;

import io.driftproof.collector.ingest.AgentRefused;
import io.driftproof.collector.ingest.HostRegistry;
import io.driftproof.proto.v1.HostInfo;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/** Records an enrollment in one transaction: the token is marked used, the host recorded with the
 * token's tags and the certificate stored. Two concurrent uses of a token cannot both succeed: the
 * token is claimed by a conditional update. */
@ApplicationScoped
class Enrollments {

    private final EntityManager em;
    private final HostRegistry hosts;

    Enrollments(EntityManager em, HostRegistry hosts) {
        this.em = em;
        this.hosts = hosts;
    }

    /** The token presented, if it may enroll a host now; otherwise PERMISSION_DENIED. */
    @Transactional
    IssuedEnrollmentToken usable(byte[] secretHash, Instant now) {
        IssuedEnrollmentToken token = IssuedEnrollmentToken.<IssuedEnrollmentToken>find("secretHash",
                HexFormat.of().formatHex(secretHash)).firstResultOptional().orElseThrow(() -> denied("unknown enrollment token"));
        if (token.usedAt != null) {
            throw denied("the enrollment token was already used");
        }
        if (!now.isBefore(token.expiresAt)) {
            throw denied("the enrollment token expired at " + token.expiresAt);
        }
        return token;
    }

    @Transactional
    void record(IssuedEnrollmentToken token, HostInfo host, X509Certificate certificate, Instant now) {
        int claimed = em.createQuery("update IssuedEnrollmentToken t set t.usedAt = :now, t.usedByHost = :host "
                        + "where t.id = :id and t.usedAt is null and t.expiresAt > :now")
                .setParameter("now", now).setParameter("host", host.getHostId()).setParameter("id", token.id)
                .executeUpdate();
        if (claimed != 1) {
            throw denied("the enrollment token was already used");
        }
        Set<String> tags = token.tags == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(token.tags.split(",")));
        hosts.enrolled(host.getHostId(), host, tags, now);
        AgentCertificate recorded = new AgentCertificate();
        recorded.serial = certificate.getSerialNumber().toString(16);
        recorded.hostId = host.getHostId();
        recorded.fingerprintSha256 = fingerprint(certificate);
        recorded.notBefore = certificate.getNotBefore().toInstant();
        recorded.notAfter = certificate.getNotAfter().toInstant();
        recorded.issuedAt = now;
        recorded.enrollmentTokenId = token.id;
        recorded.persist();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgentRefused denied(String description) {
        return new AgentRefused(Status.PERMISSION_DENIED.withDescription(description));
    }
}
