package io.driftproof.collector.changes;

import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.findings.FindingService;
import io.driftproof.collector.reconcile.ChangeWindow;
import io.driftproof.collector.reconcile.RecurrenceSchedule;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The summary record of one cycle of a RECURRING record ("monthly patches, June"): created when
 * the first change of the cycle is reconciled or when the cycle's window ends, approved by the
 * standing approval, verified at the end of its window like any record.
 */
@ApplicationScoped
public class CycleSummaries {

    private final ServerClock clock;
    private final ChangeTrail trail;

    CycleSummaries(ServerClock clock, ChangeTrail trail) {
        this.clock = clock;
        this.trail = trail;
    }

    public ChangeRecord summaryOf(ChangeRecord standing, int cycle) {
        Optional<ChangeRecord> existing = ChangeRecord.find("parentId = ?1 and cycle = ?2", standing.id, cycle).firstResultOptional();
        return existing.orElseGet(() -> open(standing, cycle));
    }

    private ChangeRecord open(ChangeRecord standing, int cycle) {
        ChangeWindow window = RecurrenceSchedule.of(standing.windowStart, standing.windowEnd, standing.recurrence,
                standing.recurrenceUntil).cycle(cycle);
        ChangeRecord r = new ChangeRecord();
        r.parentId = standing.id;
        r.cycle = cycle;
        r.revision = 1;
        r.type = ChangeType.RECURRING;
        r.state = ChangeState.APPROVED;
        r.title = standing.title + " — cycle " + (cycle + 1) + " (" + window.start() + ")";
        r.description = standing.description;
        r.justification = standing.justification;
        r.securityImpact = standing.securityImpact;
        r.rollbackPlan = standing.rollbackPlan;
        r.cuiInvolved = standing.cuiInvolved;
        r.windowStart = window.start();
        r.windowEnd = window.end();
        r.hosts.addAll(standing.hosts);
        standing.expectations.forEach(e -> r.expectations.add(new Expectation(e.kind, e.keyPattern, e.action, e.toVersion,
                e.afterSha256, e.onlyAttributes)));
        r.requestedBy = standing.requestedBy;
        r.createdAt = clock.now();
        r.submittedAt = standing.submittedAt;
        r.approvedAt = standing.approvedAt;
        r.approvedBy = standing.approvedBy;
        r.selfApproved = standing.selfApproved;
        // Flushed at once: of two reconciliations opening the same cycle at the same time, the loser
        // fails here on the unique (parent, cycle) key, which ConflictRetry retries, not at commit.
        r.persistAndFlush();
        trail.append(r, ChangeHistory.CYCLE_OPENED, FindingService.SYSTEM, "cycle " + (cycle + 1)
                + " of standing change " + standing.id + ", approved by " + standing.approvedBy + " at " + standing.approvedAt);
        return r;
    }
}
