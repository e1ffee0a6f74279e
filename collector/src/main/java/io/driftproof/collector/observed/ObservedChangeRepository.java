package io.driftproof.collector.observed;

import io.driftproof.collector.inventory.ItemKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class ObservedChangeRepository implements PanacheRepository<ObservedChange> {

    /** Changes of a host observed in [from, to), oldest first. */
    public PanacheQuery<ObservedChange> ofHost(String hostId, Optional<Instant> from, Optional<Instant> to,
                                               Optional<ItemKind> kind) {
        StringBuilder query = new StringBuilder("hostId = :host");
        Parameters params = Parameters.with("host", hostId);
        from.ifPresent(t -> { query.append(" and observedAt >= :from"); params.and("from", t); });
        to.ifPresent(t -> { query.append(" and observedAt < :to"); params.and("to", t); });
        kind.ifPresent(k -> { query.append(" and kind = :kind"); params.and("kind", k); });
        return find(query.toString(), Sort.by("observedAt").and("id"), params);
    }

    /** The last change of an item observed at or before a time. */
    public Optional<ObservedChange> lastUpTo(String hostId, ItemKind kind, String key, Instant at) {
        return find("hostId = ?1 and kind = ?2 and itemKey = ?3 and observedAt <= ?4",
                Sort.by("observedAt").descending().and("id").descending(), hostId, kind, key, at).firstResultOptional();
    }

    /** The first change of an item observed after a time. */
    public Optional<ObservedChange> firstAfter(String hostId, ItemKind kind, String key, Instant at) {
        return find("hostId = ?1 and kind = ?2 and itemKey = ?3 and observedAt > ?4",
                Sort.by("observedAt").and("id"), hostId, kind, key, at).firstResultOptional();
    }
}
