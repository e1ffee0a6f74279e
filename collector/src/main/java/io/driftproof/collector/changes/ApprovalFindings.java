package io.driftproof.collector.changes;

import io.driftproof.collector.findings.FindingDraft;
import io.driftproof.collector.findings.FindingService;
import io.driftproof.collector.findings.FindingType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The findings an approval can call for by itself: too little lead time, and one person in two roles
 * (which only a relayed approval can be, since driftproof refuses it first-hand). */
@ApplicationScoped
class ApprovalFindings {

    private final ChangePolicy policy;
    private final FindingService findings;

    ApprovalFindings(ChangePolicy policy, FindingService findings) {
        this.policy = policy;
        this.findings = findings;
    }

    void approved(ChangeRecord r) {
        Instant deadline = r.windowStart.minus(policy.standardLeadTime());
        if ((r.type == ChangeType.STANDARD || r.type == ChangeType.RECURRING) && r.approvedAt.isAfter(deadline)) {
            findings.raise(FindingDraft.forRecord(FindingType.LEAD_TIME_VIOLATION, r.id, "change " + r.id + " '" + r.title
                    + "' was approved at " + r.approvedAt + ", less than the lead time of " + policy.standardLeadTime()
                    + " before its window opens at " + r.windowStart));
        }
        SeparationOfDuties duties = SeparationOfDuties.of(r);
        if (duties == SeparationOfDuties.VIOLATED) {
            findings.raise(FindingDraft.forRecord(FindingType.SEPARATION_OF_DUTIES, r.id, "change " + r.id + " '"
                    + r.title + "' was " + duties.statement(r)));
        }
    }
}
