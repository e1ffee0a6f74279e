package io.driftproof.collector.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One distinct file content, addressed by the SHA-256 of its uncompressed bytes. */
@Entity
@Table(name = "content")
public class StoredContent extends PanacheEntityBase {

    @Id
    public String sha256;
    /** Uncompressed size in bytes. */
    public long size;
    public String compression;
    public byte[] data;
    @Column(name = "first_received_at")
    public Instant firstReceivedAt;
}
