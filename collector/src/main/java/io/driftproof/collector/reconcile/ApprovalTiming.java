package io.driftproof.collector.reconcile;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an approval came before or after a change, judged honestly against what the agent can
 * know: a change happened somewhere in the interval (notBefore, observedAt], the last scan that
 * still saw the old state and the scan that saw the new one (both skew-corrected). Approval at or
 * before notBefore is before; at or after observedAt is after; inside the interval the host's own
 * evidence time (file ctime, package-manager log) decides when there is one, otherwise it cannot
 * be decided — never silently "before".
 */
public final class ApprovalTiming {

    public enum Order {
        APPROVED_BEFORE,
        APPROVED_AFTER,
        UNDECIDED
    }

    private ApprovalTiming() {
    }

    /**
     * @param approvedAt   when the record was approved (server clock)
     * @param notBefore    the last observation of the old state; empty when unknown
     * @param observedAt   the first observation of the new state
     * @param evidenceTime when the host says the change happened, if inside the interval
     */
    public static Order order(Instant approvedAt, Optional<Instant> notBefore, Instant observedAt,
                              Optional<Instant> evidenceTime) {
        if (!approvedAt.isBefore(observedAt)) {
            return Order.APPROVED_AFTER;
        }
        if (notBefore.isPresent() && !approvedAt.isAfter(notBefore.get())) {
            return Order.APPROVED_BEFORE;
        }
        Optional<Instant> evidence = evidenceTime.filter(t -> !t.isAfter(observedAt)
                && notBefore.map(nb -> !t.isBefore(nb)).orElse(true));
        if (evidence.isPresent()) {
            return approvedAt.isAfter(evidence.get()) ? Order.APPROVED_AFTER : Order.APPROVED_BEFORE;
        }
        return Order.UNDECIDED;
    }
}
