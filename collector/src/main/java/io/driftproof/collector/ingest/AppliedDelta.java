package io.driftproof.collector.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** The log of deltas that changed stored state: one row each; unchanged heartbeats leave none. */
@Entity
@Table(name = "applied_delta")
public class AppliedDelta extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "applied_delta_seq")
    @SequenceGenerator(name = "applied_delta_seq", sequenceName = "applied_delta_seq", allocationSize = 50)
    public Long id;
    @Column(name = "host_id")
    public String hostId;
    public long seq;
    @Column(name = "base_seq")
    public long baseSeq;
    @Column(name = "full_snapshot")
    public boolean fullSnapshot;
    @Column(name = "observed_at")
    public Instant observedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "manifest_digest")
    public String manifestDigest;
    @Column(name = "item_count")
    public long itemCount;
    public int upserts;
    public int removals;
    @Column(name = "observed_changes")
    public int observedChanges;
}
