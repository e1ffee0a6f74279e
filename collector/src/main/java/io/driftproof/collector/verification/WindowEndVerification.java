package io.driftproof.collector.verification;

import io.driftproof.collector.changes.ChangePolicy;
import io.driftproof.collector.changes.ChangeRecord;
import io.driftproof.collector.changes.ChangeState;
import io.driftproof.collector.changes.ChangeType;
import io.driftproof.collector.changes.CycleSummaries;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.findings.FindingService;
import io.driftproof.collector.reconcile.RecurrenceSchedule;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Verifies every approved record whose window (plus grace) has ended and that nobody verified yet,
 * and opens the summary of every ended cycle of a standing RECURRING record, so that a cycle in
 * which nothing changed is verified (and fails) too.
 */
@ApplicationScoped
public class WindowEndVerification {

    private final VerificationService verification;
    private final CycleSummaries cycles;
    private final ServerClock clock;
    private final Duration grace;

    WindowEndVerification(VerificationService verification, CycleSummaries cycles, ServerClock clock, ChangePolicy policy) {
        this.verification = verification;
        this.cycles = cycles;
        this.clock = clock;
        this.grace = policy.windowGrace();
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        verifyEnded();
    }

    /** @return how many records were verified */
    @Transactional
    public int verifyEnded() {
        Instant ended = clock.now().minus(grace);
        List<ChangeRecord> standing = ChangeRecord.list("type = ?1 and parentId is null and state = ?2",
                ChangeType.RECURRING, ChangeState.APPROVED);
        for (ChangeRecord r : standing) {
            RecurrenceSchedule schedule = RecurrenceSchedule.of(r.windowStart, r.windowEnd, r.recurrence, r.recurrenceUntil);
            for (int k = 0; schedule.exists(k) && !schedule.cycle(k).end().isAfter(ended); k++) {
                cycles.summaryOf(r, k);
            }
        }
        // Standing approvals and ignore rules are never verified themselves; their cycles are.
        List<ChangeRecord> due = ChangeRecord.list("state in ?1 and windowEnd <= ?2 and verifiedAt is null"
                        + " and (parentId is not null or type in ?3) order by windowEnd, id",
                List.of(ChangeState.APPROVED, ChangeState.IMPLEMENTED), ended,
                List.of(ChangeType.STANDARD, ChangeType.EMERGENCY));
        due.forEach(r -> verification.verify(r, FindingService.SYSTEM));
        return due.size();
    }
}
