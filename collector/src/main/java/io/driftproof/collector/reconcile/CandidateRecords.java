package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangePolicy;
import io.driftproof.collector.changes.ChangeRecord;
import io.driftproof.collector.changes.ChangeState;
import io.driftproof.collector.changes.ChangeType;
import io.driftproof.collector.changes.HostScope;
import io.driftproof.collector.inventory.Host;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The records that may explain changes of one host in a time range, as {@link RecordTerms}. */
@ApplicationScoped
public class CandidateRecords {

    private static final EnumSet<ChangeState> CANDIDATE_STATES = EnumSet.of(ChangeState.SUBMITTED, ChangeState.APPROVED,
            ChangeState.IMPLEMENTED, ChangeState.VERIFIED, ChangeState.VERIFICATION_FAILED, ChangeState.CLOSED,
            ChangeState.CANCELLED);

    private final Duration reach;

    CandidateRecords(ChangePolicy policy) {
        this.reach = policy.windowGrace().plus(policy.windowMatchMargin());
    }

    /** Records in scope of the host whose window (or schedule) comes near [from, to]. Cycle summaries
     * are not candidates: their standing record is. */
    public List<RecordTerms> forHost(Host host, Instant from, Instant to) {
        List<ChangeRecord> records = ChangeRecord.list("parentId is null and state in ?1 and windowStart <= ?2"
                        + " and (windowEnd >= ?3 or type = ?4) order by id",
                CANDIDATE_STATES, to.plus(reach), from.minus(reach), ChangeType.RECURRING);
        return records.stream().filter(r -> HostScope.anyMatches(r.hosts, host)).map(CandidateRecords::terms)
                .filter(t -> t.approvedAt() != null || t.awaitingApproval()).toList();
    }

    static RecordTerms terms(ChangeRecord r) {
        boolean awaiting = r.type == ChangeType.EMERGENCY && r.approvedAt == null
                && (r.state == ChangeState.SUBMITTED || r.state == ChangeState.IMPLEMENTED);
        boolean standing = r.type == ChangeType.RECURRING || r.type == ChangeType.IGNORE_RULE;
        Instant endsAt = r.state == ChangeState.CANCELLED || standing && r.state == ChangeState.CLOSED ? r.closedAt : null;
        Optional<RecurrenceSchedule> schedule = r.type == ChangeType.RECURRING
                ? Optional.of(RecurrenceSchedule.of(r.windowStart, r.windowEnd, r.recurrence, r.recurrenceUntil))
                : Optional.empty();
        return new RecordTerms(r.id, r.type, r.approvedAt, awaiting, endsAt, new ChangeWindow(null, r.windowStart, r.windowEnd),
                schedule, List.copyOf(r.expectations));
    }
}
