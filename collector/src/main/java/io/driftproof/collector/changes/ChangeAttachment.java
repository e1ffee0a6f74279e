package io.driftproof.collector.changes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** Evidence attached to a record (a deployment report, test output, a screenshot); append-only. */
@Entity
@Table(name = "change_attachment")
public class ChangeAttachment extends PanacheEntityBase {

    public enum Purpose { REQUEST, IMPLEMENTATION, VERIFICATION }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_attachment_seq")
    @SequenceGenerator(name = "change_attachment_seq", sequenceName = "change_attachment_seq", allocationSize = 50)
    public Long id;
    @Column(name = "record_id")
    public long recordId;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    public String name;
    @Column(name = "media_type")
    public String mediaType;
    public String sha256;
    public long size;
    public byte[] data;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "added_by")
    public String addedBy;
}
