package io.driftproof.collector.observed;

import io.driftproof.collector.inventory.ItemKind;
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

/**
 * One item that differs between two consecutive snapshots of a host. Append-only: written once
 * by ingest; reconciliation later fills {@code status} and {@code changeRecordId}.
 * The change happened in (notBefore, observedAt], both on the collector's clock.
 */
@Entity
@Table(name = "observed_change")
public class ObservedChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observed_change_seq")
    @SequenceGenerator(name = "observed_change_seq", sequenceName = "observed_change_seq", allocationSize = 50)
    public Long id;
    @Column(name = "host_id")
    public String hostId;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    @Column(name = "item_key")
    public String itemKey;
    @Enumerated(EnumType.STRING)
    public ChangeAction action;
    /** ItemState JSON before the change; null for ADDED. */
    @Column(name = "before_detail")
    public String before;
    /** ItemState JSON after the change; null for REMOVED. */
    @Column(name = "after_detail")
    public String after;
    @Column(name = "not_before")
    public Instant notBefore;
    @Column(name = "observed_at")
    public Instant observedAt;
    /** observedAt as the agent's clock gave it, before skew correction. */
    @Column(name = "observed_at_agent")
    public Instant observedAtAgent;
    /** A time the host recorded for the change (mtime, ctime, install time) when it lies in the interval. */
    @Column(name = "evidence_time")
    public Instant evidenceTime;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "snapshot_seq")
    public long snapshotSeq;
    public String status;
    @Column(name = "change_record_id")
    public Long changeRecordId;
}
