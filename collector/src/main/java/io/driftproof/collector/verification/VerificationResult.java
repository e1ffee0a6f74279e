package io.driftproof.collector.verification;

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
import java.util.Arrays;
import java.util.List;

/** The outcome of one expectation on one host (and item) in one verification run of a record. */
@Entity
@Table(name = "verification_result")
public class VerificationResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verification_result_seq")
    @SequenceGenerator(name = "verification_result_seq", sequenceName = "verification_result_seq", allocationSize = 50)
    public Long id;
    @Column(name = "record_id")
    public long recordId;
    public int run;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "host_id")
    public String hostId;
    /** Index of the record's expectation; null for a cycle summary's per-change rows. */
    public Integer expectation;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    @Column(name = "item_key")
    public String key;
    @Enumerated(EnumType.STRING)
    public VerificationOutcome outcome;
    public String detail;
    @Column(name = "observed_change_ids")
    public String observedChangeIds;

    public List<Long> evidence() {
        return observedChangeIds.isEmpty() ? List.of() : Arrays.stream(observedChangeIds.split(",")).map(Long::valueOf).toList();
    }

    public static Integer lastRun(long recordId) {
        return getEntityManager().createQuery("select max(v.run) from VerificationResult v where v.recordId = ?1", Integer.class)
                .setParameter(1, recordId).getSingleResult();
    }

    /** The latest run of a record, oldest host first. */
    public static List<VerificationResult> latest(long recordId) {
        Integer run = lastRun(recordId);
        return run == null ? List.of() : list("recordId = ?1 and run = ?2 order by hostId, expectation, key, id", recordId, run);
    }
}
