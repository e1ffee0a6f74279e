package io.driftproof.collector.changes;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.verification.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves records through their states. Every transition is checked against {@link ChangeRules},
 * stamped by the server clock with the acting user, and appended to the record's trail; the
 * record's content is never touched except by {@link #revise}.
 */
@ApplicationScoped
public class ChangeTransitions {

    private final ChangeService records;
    private final ChangeTrail trail;
    private final ChangeViews views;
    private final ChangePolicy policy;
    private final ServerClock clock;
    private final ApprovalFindings approvalFindings;
    private final VerificationService verification;
    private final Event<RecordTermsChanged> termsChanged;

    ChangeTransitions(ChangeService records, ChangeTrail trail, ChangeViews views, ChangePolicy policy, ServerClock clock,
                      ApprovalFindings approvalFindings, VerificationService verification,
                      Event<RecordTermsChanged> termsChanged) {
        this.records = records;
        this.trail = trail;
        this.views = views;
        this.policy = policy;
        this.clock = clock;
        this.approvalFindings = approvalFindings;
        this.verification = verification;
        this.termsChanged = termsChanged;
    }

    @Transactional
    public ChangeView submit(long id, String by, String note) {
        ChangeRecord r = begin(id, Transition.SUBMIT);
        r.state = ChangeState.SUBMITTED;
        r.submittedAt = clock.now();
        records.keepRevision(r, by);
        log(r, Transition.SUBMIT, by, note);
        // A submitted emergency record already explains its changes while its approval is pending.
        termsChanged.fire(new RecordTermsChanged(r.id));
        return views.of(r);
    }

    @Transactional
    public ChangeView approve(long id, String by, String note) {
        ChangeRecord r = begin(id, Transition.APPROVE);
        if (r.requestedBy.equals(by) && !policy.onePersonShop()) {
            throw separationOfDuties("requester " + by + " may not approve their own change " + id
                    + " (separation of duties; an organisation with one IT person sets driftproof.policy.one-person-shop)");
        }
        approve(r, Stamp.firstHand(by, clock.now()), note);
        return views.of(r);
    }

    /** Records an approval; a relayed one may name the requester as approver, which is then stated and a finding. */
    void approve(ChangeRecord r, Stamp stamp, String note) {
        boolean self = r.requestedBy.equals(stamp.by());
        r.approvedAt = stamp.at();
        r.approvedBy = stamp.by();
        r.selfApproved = self && policy.onePersonShop();
        if (r.state == ChangeState.SUBMITTED) {
            r.state = ChangeState.APPROVED;
        }
        String statement = r.selfApproved ? "approved by the requester: the organisation is configured as a one-person shop"
                : null;
        log(r, Transition.APPROVE, stamp, join(note, statement));
        approvalFindings.approved(r);
        termsChanged.fire(new RecordTermsChanged(r.id));
    }

    @Transactional
    public ChangeView reject(long id, String by, String note) {
        if (note == null) {
            throw FieldErrors.single("note", "a rejection needs a reason");
        }
        ChangeRecord r = begin(id, Transition.REJECT);
        reject(r, Stamp.firstHand(by, clock.now()), note);
        return views.of(r);
    }

    void reject(ChangeRecord r, Stamp stamp, String note) {
        r.state = ChangeState.REJECTED;
        log(r, Transition.REJECT, stamp, note);
        termsChanged.fire(new RecordTermsChanged(r.id));
    }

    @Transactional
    public ChangeView implemented(long id, String by, String note) {
        ChangeRecord r = begin(id, Transition.IMPLEMENTED);
        r.state = ChangeState.IMPLEMENTED;
        r.implementedAt = clock.now();
        r.implementedBy = by;
        log(r, Transition.IMPLEMENTED, by, note);
        return views.of(r);
    }

    @Transactional
    public ChangeView verify(long id, String by) {
        ChangeRecord r = begin(id, Transition.VERIFY);
        verification.verify(r, by);
        return views.of(r);
    }

    @Transactional
    public ChangeView signoff(long id, String by, String note) {
        ChangeRecord r = begin(id, Transition.SIGNOFF);
        boolean self = by.equals(r.implementedBy);
        if (self && !policy.onePersonShop()) {
            throw separationOfDuties("implementer " + by + " may not sign off the verification of their own change " + id);
        }
        r.signedOffAt = clock.now();
        r.signedOffBy = by;
        log(r, Transition.SIGNOFF, by,
                join(note, self ? "signed off by the implementer: the organisation is configured as a one-person shop" : null));
        return views.of(r);
    }

    @Transactional
    public ChangeView close(long id, String by, String note) {
        ChangeRecord r = begin(id, Transition.CLOSE);
        boolean retires = r.state == ChangeState.APPROVED;
        r.state = ChangeState.CLOSED;
        r.closedAt = clock.now();
        log(r, Transition.CLOSE, by, note);
        if (retires) {
            termsChanged.fire(new RecordTermsChanged(r.id));
        }
        return views.of(r);
    }

    @Transactional
    public ChangeView cancel(long id, String by, String note) {
        ChangeRecord r = begin(id, Transition.CANCEL);
        cancel(r, Stamp.firstHand(by, clock.now()), note);
        return views.of(r);
    }

    void cancel(ChangeRecord r, Stamp stamp, String note) {
        r.state = ChangeState.CANCELLED;
        r.closedAt = stamp.at();
        log(r, Transition.CANCEL, stamp, note);
        termsChanged.fire(new RecordTermsChanged(r.id));
    }

    /** A correction after submission: a new revision, submitted again, whose approval starts over. */
    @Transactional
    public ChangeView revise(long id, ChangeRequest request, String by, String note) {
        ChangeContent content = records.validate(request);
        ChangeRecord r = begin(id, Transition.REVISE);
        revise(r, content, Stamp.firstHand(by, clock.now()), note);
        return views.of(r);
    }

    void revise(ChangeRecord r, ChangeContent content, Stamp stamp, String note) {
        if (content.type() != r.type) {
            throw FieldErrors.single("type", "a revision keeps the type " + r.type + "; open a new record for a " + content.type());
        }
        content.applyTo(r);
        r.revision++;
        r.state = ChangeState.SUBMITTED;
        r.submittedAt = stamp.at();
        r.approvedAt = null;
        r.approvedBy = null;
        r.selfApproved = false;
        records.keepRevision(r, stamp.provenance().map(Provenance::importedBy).orElse(stamp.by()));
        log(r, Transition.REVISE, stamp, note);
        termsChanged.fire(new RecordTermsChanged(r.id));
    }

    private ChangeRecord begin(long id, Transition t) {
        ChangeRecord r = ChangeService.find(id);
        requireAllowed(r, t);
        return r;
    }

    /** @throws ProblemException 409 naming the transitions the record allows now */
    static void requireAllowed(ChangeRecord r, Transition t) {
        long id = r.id;
        Set<Transition> allowed = ChangeRules.allowed(r);
        if (!allowed.contains(t)) {
            String names = allowed.isEmpty() ? "none" : allowed.stream().map(Transition::pathName).sorted()
                    .collect(Collectors.joining(", "));
            throw new ProblemException(Status.CONFLICT, "Transition not allowed", "cannot " + t.pathName() + " change " + id
                    + " of type " + r.type + " in state " + r.state + "; allowed transitions: " + names);
        }
    }

    private void log(ChangeRecord r, Transition t, String by, String note) {
        trail.append(r, t.name(), by, note);
    }

    private void log(ChangeRecord r, Transition t, Stamp stamp, String note) {
        trail.append(r, t.name(), stamp, note);
    }

    private static ProblemException separationOfDuties(String detail) {
        return new ProblemException(Status.FORBIDDEN, "Separation of duties", detail);
    }

    private static String join(String note, String statement) {
        if (statement == null) {
            return note;
        }
        return note == null ? statement : note + " — " + statement;
    }
}
