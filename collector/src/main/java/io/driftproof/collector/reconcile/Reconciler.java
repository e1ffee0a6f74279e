package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangeType;
import io.driftproof.collector.findings.FindingType;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.driftproof.collector.reconcile.ReconciliationStatus.APPROVED_AFTER_IMPLEMENTATION;
import static io.driftproof.collector.reconcile.ReconciliationStatus.AUTHORIZED;
import static io.driftproof.collector.reconcile.ReconciliationStatus.AWAITING_EMERGENCY_APPROVAL;
import static io.driftproof.collector.reconcile.ReconciliationStatus.EMERGENCY_WITHIN_DEADLINE;
import static io.driftproof.collector.reconcile.ReconciliationStatus.IGNORED;
import static io.driftproof.collector.reconcile.ReconciliationStatus.OUTSIDE_WINDOW;
import static io.driftproof.collector.reconcile.ReconciliationStatus.UNAUTHORIZED;
import static io.driftproof.collector.reconcile.ReconciliationStatus.UNDETERMINED;

/**
 * The reconciliation rules as a pure function: the same change, records and time give the same
 * decision, which is what makes re-running reconciliation harmless.
 *
 * <p>An ignore rule approved before the change, whose window holds it, makes it IGNORED. Otherwise every record
 * whose expectations match (and whose window, widened by the match margin, is near the change) is
 * judged on its own, and the most favourable verdict wins, ties to the oldest record:
 * AUTHORIZED, EMERGENCY_WITHIN_DEADLINE, AWAITING_EMERGENCY_APPROVAL, UNDETERMINED, OUTSIDE_WINDOW,
 * APPROVED_AFTER_IMPLEMENTATION, UNAUTHORIZED. No match at all is UNAUTHORIZED.
 */
public final class Reconciler {

    private final ReconciliationRules rules;

    public Reconciler(ReconciliationRules rules) {
        this.rules = rules;
    }

    /** @param now the collector's time, for deadlines that may not have passed yet */
    public Decision decide(ChangeFacts change, List<RecordTerms> records, Instant now) {
        Optional<Decision> ignored = records.stream()
                .filter(r -> r.type() == ChangeType.IGNORE_RULE && ignores(r, change))
                .min(Comparator.comparingLong(RecordTerms::id))
                .map(r -> new Decision(IGNORED, r.id(), null, Optional.empty(), "ignored by rule " + r.id()));
        if (ignored.isPresent()) {
            return ignored.get();
        }
        return records.stream()
                .filter(r -> r.type() != ChangeType.IGNORE_RULE && r.matches(change))
                .flatMap(r -> judge(r, change, now).stream())
                .min(Comparator.comparing((Decision d) -> d.status().ordinal()).thenComparing(Decision::recordId))
                .orElseGet(Decision::unauthorized);
    }

    private boolean ignores(RecordTerms rule, ChangeFacts c) {
        return rule.approvedAt() != null && rule.matches(c) && rule.window().contains(c.effectiveTime(), java.time.Duration.ZERO)
                && (rule.endsAt() == null || !c.effectiveTime().isAfter(rule.endsAt()))
                && ApprovalTiming.order(rule.approvedAt(), Optional.of(c.notBefore()), c.observedAt(),
                        Optional.ofNullable(c.evidenceTime())) == ApprovalTiming.Order.APPROVED_BEFORE;
    }

    private Optional<Decision> judge(RecordTerms r, ChangeFacts c, Instant now) {
        Instant t = c.effectiveTime();
        ChangeWindow window = r.windowFor(t);
        if (window.distance(t).compareTo(rules.windowGrace().plus(rules.windowMatchMargin())) > 0
                || r.endsAt() != null && t.isAfter(r.endsAt())) {
            return Optional.empty();
        }
        Instant deadline = c.earliestTime().plus(rules.emergencyApprovalDeadline());
        if (r.approvedAt() == null) {
            if (!r.awaitingApproval()) {
                return Optional.empty();
            }
            return Optional.of(now.isAfter(deadline)
                    ? decision(UNAUTHORIZED, r, window, FindingType.EMERGENCY_APPROVAL_OVERDUE,
                            "emergency change " + r.id() + " was not approved by " + deadline)
                    : decision(AWAITING_EMERGENCY_APPROVAL, r, window, null,
                            "emergency change " + r.id() + " awaits approval until " + deadline));
        }
        boolean emergency = r.type() == ChangeType.EMERGENCY;
        boolean withinDeadline = !r.approvedAt().isAfter(deadline);
        return Optional.of(switch (ApprovalTiming.order(r.approvedAt(), Optional.of(c.notBefore()), c.observedAt(),
                Optional.ofNullable(c.evidenceTime()))) {
            case APPROVED_BEFORE -> window.contains(t, rules.windowGrace())
                    ? decision(AUTHORIZED, r, window, null, "approved at " + r.approvedAt() + " before the change, inside the window")
                    : decision(OUTSIDE_WINDOW, r, window, FindingType.OUTSIDE_WINDOW, "approved, but the change at " + t
                            + " lies outside the window " + window.start() + " – " + window.end());
            case APPROVED_AFTER -> !emergency
                    ? decision(APPROVED_AFTER_IMPLEMENTATION, r, window, FindingType.APPROVED_AFTER_IMPLEMENTATION,
                            "approved at " + r.approvedAt() + ", after the change was observed at " + c.observedAt())
                    : withinDeadline
                    ? decision(EMERGENCY_WITHIN_DEADLINE, r, window, null, "emergency change approved at " + r.approvedAt()
                            + ", within " + rules.emergencyApprovalDeadline() + " of the change")
                    : decision(APPROVED_AFTER_IMPLEMENTATION, r, window, FindingType.EMERGENCY_APPROVAL_OVERDUE,
                            "emergency change approved at " + r.approvedAt() + ", after the deadline " + deadline);
            // Before or after: both are compliant for an emergency change approved within its deadline.
            case UNDECIDED -> emergency && withinDeadline
                    ? decision(EMERGENCY_WITHIN_DEADLINE, r, window, null, "emergency change approved within the deadline")
                    : decision(UNDETERMINED, r, window, FindingType.APPROVAL_ORDER_UNDETERMINED, "approved at "
                            + r.approvedAt() + ", between the last scan before the change (" + c.notBefore()
                            + ") and the scan that saw it (" + c.observedAt() + "), and the host recorded no time for it");
        });
    }

    private static Decision decision(ReconciliationStatus status, RecordTerms r, ChangeWindow window, FindingType finding,
                                     String reason) {
        return new Decision(status, r.id(), window.cycle(), Optional.ofNullable(finding), reason);
    }
}
