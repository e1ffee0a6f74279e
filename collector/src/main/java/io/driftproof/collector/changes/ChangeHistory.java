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

/** One step in a record's trail: the action, the state it left, when (server clock) and by whom. */
@Entity
@Table(name = "change_history")
public class ChangeHistory extends PanacheEntityBase {

    /** Actions that are not user transitions. */
    public static final String CREATED = "CREATED";
    public static final String ATTACHED = "ATTACHED";
    public static final String CYCLE_OPENED = "CYCLE_OPENED";
    /** A record (or an update of it) taken over from another system, stamped first-hand. */
    public static final String IMPORTED = "IMPORTED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_history_seq")
    @SequenceGenerator(name = "change_history_seq", sequenceName = "change_history_seq", allocationSize = 50)
    public Long id;
    @Column(name = "record_id")
    public long recordId;
    public String action;
    @Enumerated(EnumType.STRING)
    public ChangeState state;
    public int revision;
    public Instant at;
    @Column(name = "by_user")
    public String by;
    public String note;
    /** Set on entries relayed from another system: at and by are that system's. */
    @Column(name = "imported_from")
    public String importedFrom;
    @Column(name = "imported_by")
    public String importedBy;
    @Column(name = "imported_at")
    public Instant importedAt;
}
