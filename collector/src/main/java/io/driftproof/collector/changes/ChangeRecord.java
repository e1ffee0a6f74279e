package io.driftproof.collector.changes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A change request. Its content (title to expectations) is written while it is a DRAFT and by a
 * revision; everything else is set by transitions only, each leaving a {@link ChangeHistory} row.
 */
@Entity
@Table(name = "change_record")
public class ChangeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_record_seq")
    @SequenceGenerator(name = "change_record_seq", sequenceName = "change_record_seq", allocationSize = 50)
    public Long id;
    public int revision;
    @Enumerated(EnumType.STRING)
    public ChangeType type;
    @Enumerated(EnumType.STRING)
    public ChangeState state;
    public String title;
    public String description;
    public String justification;
    @Column(name = "security_impact")
    public String securityImpact;
    @Column(name = "rollback_plan")
    public String rollbackPlan;
    @Column(name = "cui_involved")
    public boolean cuiInvolved;
    @Column(name = "window_start")
    public Instant windowStart;
    @Column(name = "window_end")
    public Instant windowEnd;
    /** RECURRING: ISO-8601 period between cycle windows. */
    public String recurrence;
    @Column(name = "recurrence_until")
    public Instant recurrenceUntil;
    /** A cycle summary's standing RECURRING record. */
    @Column(name = "parent_id")
    public Long parentId;
    public Integer cycle;

    /** Host ids, hostnames or tag:NAME. */
    @ElementCollection
    @CollectionTable(name = "change_scope", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    @Column(name = "scope")
    public List<String> hosts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "change_expectation", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<Expectation> expectations = new ArrayList<>();

    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "self_approved")
    public boolean selfApproved;
    @Column(name = "implemented_at")
    public Instant implementedAt;
    @Column(name = "implemented_by")
    public String implementedBy;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "signed_off_at")
    public Instant signedOffAt;
    @Column(name = "signed_off_by")
    public String signedOffBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "external_source")
    public String externalSource;
    @Column(name = "external_id")
    public String externalId;

    public boolean isCycleSummary() {
        return parentId != null;
    }
}
