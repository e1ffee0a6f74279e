package io.driftproof.collector.changes;

/**
 * STANDARD: approved at least the lead time before its window opens. EMERGENCY: may be implemented
 * first, approved within the deadline after. RECURRING: a standing approval for a class of changes
 * on a scope and a schedule, with one summary record per cycle. IGNORE_RULE: once approved, observed
 * changes matching its expectations are IGNORED (noise), visibly and with the rule's trail.
 */
public enum ChangeType {
    STANDARD, EMERGENCY, RECURRING, IGNORE_RULE
}
