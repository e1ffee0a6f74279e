package io.driftproof.collector.inventory;

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

/** The current state of one item of one host, updated in place as deltas arrive. */
@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_seq")
    @SequenceGenerator(name = "item_seq", sequenceName = "item_seq", allocationSize = 50)
    public Long id;
    @Column(name = "host_id")
    public String hostId;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    @Column(name = "item_key")
    public String itemKey;
    /** Hex of ItemFingerprint: equal fingerprints are the same observation. */
    public String fingerprint;
    /** The item's {@link ItemState} as JSON. */
    public String detail;
    /** The delta sequence that last wrote this row. */
    @Column(name = "updated_seq")
    public long updatedSeq;
}
