package io.driftproof.collector.reconcile;

/** The one status each observed change gets, with the record that explains it. */
public enum ReconciliationStatus {
    /** Matches a record approved before the change, inside its window, on a host in its scope. */
    AUTHORIZED,
    /** Matches an emergency record approved after the change, within the deadline. */
    EMERGENCY_WITHIN_DEADLINE,
    /** Matches a submitted emergency record whose approval deadline has not passed yet. */
    AWAITING_EMERGENCY_APPROVAL,
    /** Matches an approved record, but whether the approval came first cannot be decided. */
    UNDETERMINED,
    /** Matches a record approved before the change, but outside its window. */
    OUTSIDE_WINDOW,
    /** Matches a record approved only after the change happened. */
    APPROVED_AFTER_IMPLEMENTATION,
    /** No approved record explains it. */
    UNAUTHORIZED,
    /** Matches an approved ignore rule. */
    IGNORED
}
