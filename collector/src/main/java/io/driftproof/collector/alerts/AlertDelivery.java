package io.driftproof.collector.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One alert for one channel in the outbox, until delivered. */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_delivery_seq")
    @SequenceGenerator(name = "alert_delivery_seq", sequenceName = "alert_delivery_seq", allocationSize = 50)
    public Long id;
    @Column(name = "finding_id")
    public long findingId;
    public String channel;
    /** Which opening of the finding this alert is about. */
    public int occurrence;
    /** The {@link AlertMessage} as JSON. */
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    /** A sender working on it until then; another replica leaves it alone. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "last_error")
    public String lastError;
}
