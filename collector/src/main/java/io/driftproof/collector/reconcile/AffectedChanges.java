package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangePolicy;
import io.driftproof.collector.changes.ChangeRecord;
import io.driftproof.collector.changes.ChangeType;
import io.driftproof.collector.changes.HostScopes;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.observed.ObservedChange;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The observed changes a record's new terms may decide differently: those it (or one of its cycle
 * summaries) explains now, and those of in-scope hosts that happened near its window. */
@ApplicationScoped
public class AffectedChanges {

    /** Later than any change; every database stores it (Instant.MAX is out of their range). */
    private static final Instant UNBOUNDED = Instant.parse("9999-12-31T00:00:00Z");

    private final HostScopes scopes;
    private final Duration reach;

    AffectedChanges(HostScopes scopes, ChangePolicy policy) {
        this.scopes = scopes;
        this.reach = policy.windowGrace().plus(policy.windowMatchMargin());
    }

    public List<ObservedChange> of(ChangeRecord record) {
        Map<Long, ObservedChange> found = new LinkedHashMap<>();
        ObservedChange.<ObservedChange>list("changeRecordId = ?1 or changeRecordId in (select r.id from ChangeRecord r"
                + " where r.parentId = ?1)", record.id).forEach(c -> found.put(c.id, c));
        // A change happened at or after notBefore and at or before observedAt.
        Instant from = record.windowStart.minus(reach);
        Instant to = record.type == ChangeType.RECURRING
                ? (record.recurrenceUntil == null ? UNBOUNDED
                        : record.recurrenceUntil.plus(Duration.between(record.windowStart, record.windowEnd)).plus(reach))
                : record.windowEnd.plus(reach);
        for (Host host : scopes.resolve(record.hosts)) {
            ObservedChange.<ObservedChange>list("hostId = ?1 and observedAt >= ?2 and notBefore <= ?3", host.id, from, to)
                    .forEach(c -> found.putIfAbsent(c.id, c));
        }
        return List.copyOf(found.values());
    }
}
