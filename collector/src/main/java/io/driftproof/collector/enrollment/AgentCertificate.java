package io.driftproof.collector.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A client certificate issued to an agent at enrollment; a Report stream counts only while its
 * certificate is recorded here for its host and not revoked. */
@Entity
@Table(name = "agent_certificate")
public class AgentCertificate extends PanacheEntityBase {

    /** Lower-case hex of the serial number. */
    @Id
    public String serial;
    @Column(name = "host_id")
    public String hostId;
    @Column(name = "fingerprint_sha256")
    public String fingerprintSha256;
    @Column(name = "not_before")
    public Instant notBefore;
    @Column(name = "not_after")
    public Instant notAfter;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "enrollment_token_id")
    public long enrollmentTokenId;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
}
