package io.driftproof.collector.changes;

import io.driftproof.collector.verification.VerificationResult;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Assembles {@link ChangeView}s: the record, its trail, its latest verification, its attachments. */
@ApplicationScoped
public class ChangeViews {

    private final ChangeTrail trail;

    ChangeViews(ChangeTrail trail) {
        this.trail = trail;
    }

    public ChangeView of(ChangeRecord r) {
        List<ChangeView.ExpectationView> expectations = r.expectations.stream()
                .map(e -> new ChangeView.ExpectationView(e.kind, e.keyPattern, e.action, e.toVersion, e.afterSha256,
                        e.onlyAttributeSet().stream().sorted().toList())).toList();
        List<ChangeView.HistoryView> history = trail.of(r.id).stream()
                .map(h -> new ChangeView.HistoryView(h.action, h.state, h.revision, h.at, h.by, h.note,
                        h.importedFrom == null ? null : new Provenance(h.importedFrom, h.importedBy, h.importedAt))).toList();
        List<ChangeView.VerificationView> verification = VerificationResult.latest(r.id).stream()
                .map(v -> new ChangeView.VerificationView(v.run, v.verifiedAt, v.hostId, v.expectation, v.kind, v.key,
                        v.outcome.name(), v.detail, v.evidence())).toList();
        List<ChangeView.AttachmentView> attachments = ChangeAttachment.find("recordId", Sort.by("id"), r.id)
                .project(ChangeView.AttachmentView.class).list();
        SeparationOfDuties duties = SeparationOfDuties.of(r);
        List<String> allowed = ChangeRules.allowed(r).stream().map(Transition::pathName).toList();
        return new ChangeView(r.id, r.revision, r.type, r.state, r.title, r.description, r.justification,
                r.securityImpact, r.rollbackPlan, r.cuiInvolved, r.windowStart, r.windowEnd, r.recurrence,
                r.recurrenceUntil, r.parentId, r.cycle, List.copyOf(r.hosts), expectations, r.requestedBy, r.createdAt,
                r.submittedAt, r.approvedAt, r.approvedBy, r.selfApproved, duties, duties.statement(r), r.implementedAt,
                r.implementedBy, r.verifiedAt, r.signedOffAt, r.signedOffBy, r.closedAt, r.externalSource, r.externalId,
                allowed, history, verification, attachments);
    }
}
