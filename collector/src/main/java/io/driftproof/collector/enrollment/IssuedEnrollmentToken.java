package io.driftproof.collector.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An enrollment token as the collector keeps it: the SHA-256 of its secret, never the secret. */
@Entity
@Table(name = "enrollment_token")
public class IssuedEnrollmentToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_token_seq")
    @SequenceGenerator(name = "enrollment_token_seq", sequenceName = "enrollment_token_seq", allocationSize = 50)
    public Long id;
    /** Hex of {@code EnrollmentToken.secretHash()}. */
    @Column(name = "secret_hash")
    public String secretHash;
    /** The pinned CA, base64url: the CA the token was issued under. */
    @Column(name = "ca_pin")
    public String caPin;
    /** Comma-separated tags applied to the host that enrolls with the token. */
    public String tags;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "used_by_host")
    public String usedByHost;
}
