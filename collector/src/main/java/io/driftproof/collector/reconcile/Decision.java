package io.driftproof.collector.reconcile;

import io.driftproof.collector.findings.FindingType;

import java.util.Optional;

/** Reconciliation's verdict on one observed change: its status, the record (and recurring cycle)
 * that explains it, the finding it calls for, and why, in words. */
public record Decision(ReconciliationStatus status, Long recordId, Integer cycle, Optional<FindingType> finding,
                       String reason) {

    static Decision unauthorized() {
        return new Decision(ReconciliationStatus.UNAUTHORIZED, null, null, Optional.of(FindingType.UNAPPROVED_CHANGE),
                "no approved change record explains this change");
    }
}
