package io.driftproof.collector.changes;

import io.driftproof.collector.common.ServerClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Takes over change records from another system. A new one is created with its requester, request
 * and approval times as that system recorded them; a known one (same source and external id) is
 * updated only by transitions — a revision when its content changed, then approval, rejection or
 * cancellation — never edited in place. Every relayed step carries its {@link Provenance}, and an
 * IMPORTED entry stamped first-hand says who brought it in and when.
 */
@ApplicationScoped
public class ExternalRecords {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Applied(long id, Outcome outcome, ChangeView record) {
    }

    private final ChangeValidator validator;
    private final ChangeService records;
    private final ChangeTransitions transitions;
    private final ChangeTrail trail;
    private final ChangeViews views;
    private final ServerClock clock;

    ExternalRecords(ChangeValidator validator, ChangeService records, ChangeTransitions transitions, ChangeTrail trail,
                    ChangeViews views, ServerClock clock) {
        this.validator = validator;
        this.records = records;
        this.transitions = transitions;
        this.trail = trail;
        this.views = views;
        this.clock = clock;
    }

    /** @param note what the IMPORTED entry says about the origin (a CSV row, a webhook event) */
    @Transactional
    public Applied apply(ExternalChange change, String importedBy, String note) {
        ChangeContent content = validator.validate(change.content());
        Instant now = clock.now();
        checkSteps(change, now);
        Provenance provenance = new Provenance(change.source(), importedBy, now);
        Optional<ChangeRecord> known = ChangeRecord.find("externalSource = ?1 and externalId = ?2", change.source(),
                change.externalId()).firstResultOptional();
        ChangeRecord r = known.orElseGet(() -> create(change, content, provenance));
        boolean updated = known.isPresent() && revise(r, change, content, provenance);
        updated |= decide(r, change, provenance);
        if (known.isPresent() && !updated) {
            return new Applied(r.id, Outcome.UNCHANGED, views.of(r));
        }
        trail.append(r, ChangeHistory.IMPORTED, importedBy, note + " (" + change.source() + " " + change.externalId() + ")");
        return new Applied(r.id, known.isPresent() ? Outcome.UPDATED : Outcome.CREATED, views.of(r));
    }

    private ChangeRecord create(ExternalChange change, ChangeContent content, Provenance provenance) {
        ChangeRecord r = new ChangeRecord();
        content.applyTo(r);
        r.revision = 1;
        r.state = ChangeState.DRAFT;
        r.requestedBy = change.requested().by();
        r.createdAt = change.requested().at();
        r.externalSource = change.source();
        r.externalId = change.externalId();
        r.persist();
        Stamp requested = relayed(change.requested(), provenance);
        trail.append(r, ChangeHistory.CREATED, requested, null);
        r.state = ChangeState.SUBMITTED;
        r.submittedAt = requested.at();
        records.keepRevision(r, provenance.importedBy());
        trail.append(r, Transition.SUBMIT.name(), requested, null);
        return r;
    }

    private boolean revise(ChangeRecord r, ExternalChange change, ChangeContent content, Provenance provenance) {
        if (ChangeContent.of(r).equals(content)) {
            return false;
        }
        ChangeTransitions.requireAllowed(r, Transition.REVISE);
        Stamp stamp = change.updated().map(u -> relayed(u, provenance))
                .orElseGet(() -> Stamp.firstHand(provenance.importedBy(), provenance.importedAt()));
        transitions.revise(r, content, stamp, "revised in " + change.source());
        return true;
    }

    /** Approval, rejection, cancellation as the other system has them now. An approval given before
     * the current revision was submitted approved an earlier content and does not count. */
    private boolean decide(ChangeRecord r, ExternalChange change, Provenance provenance) {
        boolean changed = false;
        Optional<ExternalChange.Step> approval = change.approved().filter(a -> !a.at().isBefore(r.submittedAt));
        if (approval.isPresent() && r.approvedAt == null && r.state != ChangeState.REJECTED
                && r.state != ChangeState.CANCELLED) {
            ChangeTransitions.requireAllowed(r, Transition.APPROVE);
            transitions.approve(r, relayed(approval.get(), provenance), "approved in " + change.source());
            changed = true;
        }
        if (change.rejected().isPresent() && r.state != ChangeState.REJECTED) {
            ChangeTransitions.requireAllowed(r, Transition.REJECT);
            transitions.reject(r, relayed(change.rejected().get(), provenance), "rejected in " + change.source());
            changed = true;
        }
        if (change.cancelled().isPresent() && r.state != ChangeState.CANCELLED) {
            ChangeTransitions.requireAllowed(r, Transition.CANCEL);
            transitions.cancel(r, relayed(change.cancelled().get(), provenance), "cancelled in " + change.source());
            changed = true;
        }
        return changed;
    }

    private static void checkSteps(ExternalChange change, Instant now) {
        FieldErrors errors = new FieldErrors();
        step(errors, "requester", "requestedAt", change.requested(), null, now);
        change.approved().ifPresent(s -> step(errors, "approver", "approvedAt", s, change.requested().at(), now));
        change.rejected().ifPresent(s -> step(errors, "rejectedBy", "rejectedAt", s, change.requested().at(), now));
        change.cancelled().ifPresent(s -> step(errors, "cancelledBy", "cancelledAt", s, change.requested().at(), now));
        change.updated().ifPresent(s -> step(errors, "updatedBy", "updatedAt", s, change.requested().at(), now));
        errors.throwIfAny();
    }

    private static void step(FieldErrors errors, String byField, String atField, ExternalChange.Step step,
                             Instant notBefore, Instant now) {
        if (step.by() == null || step.by().isBlank()) {
            errors.add(byField, byField + " is required");
        }
        if (step.at() == null) {
            errors.add(atField, atField + " is required, an ISO-8601 time such as 2025-01-31T12:00:00Z");
        } else if (step.at().isAfter(now)) {
            errors.add(atField, atField + " " + step.at() + " lies in the future (server time " + now + ")");
        } else if (notBefore != null && step.at().isBefore(notBefore)) {
            errors.add(atField, atField + " " + step.at() + " is before the request at " + notBefore);
        }
    }

    private static Stamp relayed(ExternalChange.Step step, Provenance provenance) {
        return Stamp.relayed(step.by().strip(), ServerClock.truncate(step.at()), provenance);
    }
}
