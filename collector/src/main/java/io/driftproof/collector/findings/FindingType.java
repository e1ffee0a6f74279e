package io.driftproof.collector.findings;

/** What an assessor would write up. docs/cmmc-mapping.md maps each to its practice and objective. */
public enum FindingType {
    /** An observed change no approved record explains. */
    UNAPPROVED_CHANGE,
    /** A change explained by a record approved only after it happened. */
    APPROVED_AFTER_IMPLEMENTATION,
    /** An emergency change not approved within the deadline after implementation. */
    EMERGENCY_APPROVAL_OVERDUE,
    /** A change matching an approved record, but outside its window. */
    OUTSIDE_WINDOW,
    /** Whether the approval came before the change cannot be decided from the evidence. */
    APPROVAL_ORDER_UNDETERMINED,
    /** An approved, expected change that verification did not observe. */
    MISSING_IMPLEMENTATION,
    /** An expected item changed, but not to what was approved. */
    DIFFERENT_IMPLEMENTATION,
    /** One person held two roles that policy keeps apart. */
    SEPARATION_OF_DUTIES,
    /** A standard change approved less than the lead time before its window. */
    LEAD_TIME_VIOLATION,
    /** A host has not reported within the expected interval. */
    AGENT_SILENT,
    /** A host's clock is off by more than the threshold. */
    CLOCK_SKEW
}
