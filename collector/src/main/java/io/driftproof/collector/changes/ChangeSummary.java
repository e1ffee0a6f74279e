package io.driftproof.collector.changes;

import java.time.Instant;

/** One line of the change log. */
public record ChangeSummary(long id, int revision, ChangeType type, ChangeState state, String title,
                            Instant windowStart, Instant windowEnd, String requestedBy, Instant approvedAt,
                            String approvedBy, Long parentId, Integer cycle) {

    static ChangeSummary of(ChangeRecord r) {
        return new ChangeSummary(r.id, r.revision, r.type, r.state, r.title, r.windowStart, r.windowEnd, r.requestedBy,
                r.approvedAt, r.approvedBy, r.parentId, r.cycle);
    }
}
