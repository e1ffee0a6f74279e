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

    /** A first-hand entry: the acting user, now. */
    public Instant append(ChangeRecord record, String action, String by, String note) {
        return append(record, action, Stamp.firstHand(by, clock.now()), note);
    }

    Instant append(ChangeRecord record, String action, Stamp stamp, String note) {
        ChangeHistory entry = new ChangeHistory();
        entry.recordId = record.id;
        entry.action = action;
        entry.state = record.state;
        entry.revision = record.revision;
        entry.at = stamp.at();
        entry.by = stamp.by();
        entry.note = note;
        stamp.provenance().ifPresent(p -> {
            entry.importedFrom = p.source();
            entry.importedBy = p.importedBy();
            entry.importedAt = p.importedAt();
        });
        entry.persist();
        return entry.at;
    }

    public List<ChangeHistory> of(long recordId) {
        return ChangeHistory.list("recordId", Sort.by("at").and("id"), recordId);
    }
}
