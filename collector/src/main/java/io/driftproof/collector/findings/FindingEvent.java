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

/** A finding's trail: every status it entered, when, by whom, why. */
@Entity
@Table(name = "finding_event")
public class FindingEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_event_seq")
    @SequenceGenerator(name = "finding_event_seq", sequenceName = "finding_event_seq", allocationSize = 50)
    public Long id;
    @Column(name = "finding_id")
    public long findingId;
    @Enumerated(EnumType.STRING)
    public FindingStatus status;
    public Instant at;
    @Column(name = "by_user")
    public String by;
    public String note;
}
