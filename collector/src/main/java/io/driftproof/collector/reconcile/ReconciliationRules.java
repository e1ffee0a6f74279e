package io.driftproof.collector.reconcile;

import java.time.Duration;

/** The policy numbers reconciliation decides with. */
public record ReconciliationRules(Duration windowGrace, Duration windowMatchMargin, Duration emergencyApprovalDeadline) {
}
