package io.driftproof.collector.changes;

import java.util.EnumSet;
import java.util.Set;

import static io.driftproof.collector.changes.Transition.APPROVE;
import static io.driftproof.collector.changes.Transition.CANCEL;
import static io.driftproof.collector.changes.Transition.CLOSE;
import static io.driftproof.collector.changes.Transition.REJECT;
import static io.driftproof.collector.changes.Transition.REVISE;
import static io.driftproof.collector.changes.Transition.SIGNOFF;
import static io.driftproof.collector.changes.Transition.SUBMIT;
import static io.driftproof.collector.changes.Transition.VERIFY;

/**
 * DRAFT → SUBMITTED → APPROVED | REJECTED → IMPLEMENTED → VERIFIED | VERIFICATION_FAILED → CLOSED,
 * plus CANCELLED. The transitions each state allows, for every type; {@link ChangeRules} narrows
 * them per type (only an EMERGENCY record is implemented before approval, and approved after).
 */
public enum ChangeState {
    DRAFT(EnumSet.of(SUBMIT, CANCEL)),
    SUBMITTED(EnumSet.of(APPROVE, REJECT, CANCEL, REVISE, Transition.IMPLEMENTED)),
    APPROVED(EnumSet.of(Transition.IMPLEMENTED, VERIFY, CANCEL, REVISE)),
    REJECTED(EnumSet.of(REVISE)),
    IMPLEMENTED(EnumSet.of(VERIFY, APPROVE)),
    VERIFIED(EnumSet.of(SIGNOFF, VERIFY, CLOSE)),
    VERIFICATION_FAILED(EnumSet.of(VERIFY, CLOSE)),
    CLOSED(EnumSet.noneOf(Transition.class)),
    CANCELLED(EnumSet.noneOf(Transition.class));

    private final Set<Transition> allowed;

    ChangeState(Set<Transition> allowed) {
        this.allowed = allowed;
    }

    public Set<Transition> allowed() {
        return allowed.isEmpty() ? EnumSet.noneOf(Transition.class) : EnumSet.copyOf(allowed);
    }

    /** States in which the record's approval stands, so observed changes can be explained by it. */
    public boolean approvalStands() {
        return this == APPROVED || this == IMPLEMENTED || this == VERIFIED || this == VERIFICATION_FAILED || this == CLOSED;
    }
}
