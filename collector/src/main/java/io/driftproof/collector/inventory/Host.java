package io.driftproof.collector.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A machine running the agent, with what the collector tracks per host: identity, operator
 * attributes, the applied sequence and manifest digest, and the measured clock skew.
 *
 * <p>Every writer locks the row first ({@link HostRepository#lock}); updates name only the
 * columns that changed, so that no writer can put back a stale sequence or digest.
 */
@Entity
@DynamicUpdate
@Table(name = "host")
public class Host extends PanacheEntityBase {

    @Id
    public String id;
    public String hostname;
    public String os;
    public String kernel;
    public String arch;
    @Column(name = "agent_version")
    public String agentVersion;
    @Column(name = "cmdb_asset_id")
    public String cmdbAssetId;

    @ElementCollection
    @CollectionTable(name = "host_tag", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();

    @Column(name = "first_seen")
    public Instant firstSeen;
    @Column(name = "last_seen")
    public Instant lastSeen;

    /** The highest delta sequence applied (0 before the first snapshot). */
    @Column(name = "last_seq")
    public long lastSeq;
    /** The sequence of the first snapshot, the host's baseline; null until it arrives. */
    @Column(name = "baseline_seq")
    public Long baselineSeq;
    @Column(name = "baseline_at")
    public Instant baselineAt;
    /** When the last applied snapshot was taken, skew-corrected. */
    @Column(name = "last_observed_at")
    public Instant lastObservedAt;
    /** Hex of the set hash over the stored items (see ManifestDigest); null before the baseline. */
    @Column(name = "manifest_digest")
    public String manifestDigest;
    @Column(name = "item_count")
    public long itemCount;

    /** Agent clock minus collector clock, as last measured. */
    @Column(name = "clock_skew_ms")
    public Long clockSkewMs;
    @Column(name = "clock_uncertainty_ms")
    public Long clockUncertaintyMs;
    @Column(name = "clock_measured_at")
    public Instant clockMeasuredAt;

    public boolean hasBaseline() {
        return baselineSeq != null;
    }

    /** An agent-clock time on the collector's clock, using the last measured skew. */
    public Instant toServerTime(Instant agentTime) {
        return agentTime == null || clockSkewMs == null ? agentTime : agentTime.minusMillis(clockSkewMs);
    }
}
