package io.driftproof.collector.findings;

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

/** One distinct problem, named by its dedup key (type and subject). */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_seq")
    @SequenceGenerator(name = "finding_seq", sequenceName = "finding_seq", allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    public FindingType type;
    @Enumerated(EnumType.STRING)
    public FindingStatus status;
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "host_id")
    public String hostId;
    @Column(name = "change_record_id")
    public Long changeRecordId;
    @Column(name = "observed_change_id")
    public Long observedChangeId;
    public String summary;
    /** API path of the evidence: the observed change's diff, the record, the host. */
    public String evidence;
    @Column(name = "opened_at")
    public Instant openedAt;
    /** How often it was opened: 1, plus one per reopening after a resolution. */
    public int occurrences;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_reason")
    public String acknowledgedReason;
    @Column(name = "acknowledged_until")
    public Instant acknowledgedUntil;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String resolution;
}
