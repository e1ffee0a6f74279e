package io.driftproof.collector.changes;

import java.util.EnumSet;
import java.util.Set;

/** The transitions a record allows now: its state's, narrowed by its type and what already happened. */
public final class ChangeRules {

    private ChangeRules() {
    }

    public static Set<Transition> allowed(ChangeRecord r) {
        Set<Transition> allowed = r.state.allowed();
        boolean emergency = r.type == ChangeType.EMERGENCY;
        if (!emergency || r.approvedAt != null) {
            // Only an emergency change is implemented before its approval, and approved after.
            if (r.state == ChangeState.SUBMITTED) {
                allowed.remove(Transition.IMPLEMENTED);
            }
            if (r.state == ChangeState.IMPLEMENTED) {
                allowed.remove(Transition.APPROVE);
            }
        }
        if (r.implementedAt != null || r.isCycleSummary()) {
            allowed.remove(Transition.REVISE);
            allowed.remove(Transition.CANCEL);
        }
        if (r.type == ChangeType.RECURRING && !r.isCycleSummary() || r.type == ChangeType.IGNORE_RULE) {
            // Standing approvals are never implemented themselves; closing one retires it.
            allowed.removeAll(EnumSet.of(Transition.IMPLEMENTED, Transition.VERIFY));
            if (r.state == ChangeState.APPROVED) {
                allowed.add(Transition.CLOSE);
            }
        }
        if (r.state == ChangeState.VERIFIED && r.signedOffAt == null) {
            allowed.remove(Transition.CLOSE);
        }
        if (r.signedOffAt != null) {
            allowed.remove(Transition.SIGNOFF);
        }
        return allowed;
    }
}
