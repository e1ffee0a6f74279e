package io.driftproof.collector.changes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The content of one submitted revision of a record, kept as JSON. */
@Entity
@Table(name = "change_revision")
@IdClass(ChangeRevision.Key.class)
public class ChangeRevision extends PanacheEntityBase {

    @Id
    @Column(name = "record_id")
    public long recordId;
    @Id
    public int revision;
    public String content;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static class Key implements Serializable {
        public long recordId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.recordId == recordId && k.revision == revision;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(recordId) * 31 + revision;
        }
    }
}
