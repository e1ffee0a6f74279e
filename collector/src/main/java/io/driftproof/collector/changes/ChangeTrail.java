package io.driftproof.collector.changes;

import io.driftproof.collector.common.ServerClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Appends to and reads a record's history; every entry is stamped by the server clock. */
@ApplicationScoped
public class ChangeTrail {

    private final ServerClock clock;

    ChangeTrail(ServerClock clock) {
        this.clock = clock;
    }

    public Instant append(ChangeRecord record, String action, String by, String note) {
        ChangeHistory entry = new ChangeHistory();
        entry.recordId = record.id;
        entry.action = action;
        entry.state = record.state;
        entry.revision = record.revision;
        entry.at = clock.now();
        entry.by = by;
        entry.note = note;
        entry.persist();
        return entry.at;
    }

    public List<ChangeHistory> of(long recordId) {
        return ChangeHistory.list("recordId", Sort.by("at").and("id"), recordId);
    }
}
