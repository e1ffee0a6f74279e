package io.driftproof.collector.changes;

import java.time.Instant;
import java.util.List;

/** A validated {@link ChangeRequest}. */
record ChangeContent(String title, String description, String justification, String securityImpact,
                     String rollbackPlan, boolean cuiInvolved, ChangeType type, Instant windowStart, Instant windowEnd,
                     String recurrence, Instant recurrenceUntil, List<String> hosts, List<Expectation> expectations) {

    static ChangeContent of(ChangeRecord r) {
        return new ChangeContent(r.title, r.description, r.justification, r.securityImpact, r.rollbackPlan, r.cuiInvolved,
                r.type, r.windowStart, r.windowEnd, r.recurrence, r.recurrenceUntil, List.copyOf(r.hosts),
                List.copyOf(r.expectations));
    }

    void applyTo(ChangeRecord r) {
        r.title = title;
        r.description = description;
        r.justification = justification;
        r.securityImpact = securityImpact;
        r.rollbackPlan = rollbackPlan;
        r.cuiInvolved = cuiInvolved;
        r.type = type;
        r.windowStart = windowStart;
        r.windowEnd = windowEnd;
        r.recurrence = recurrence;
        r.recurrenceUntil = recurrenceUntil;
        r.hosts.clear();
        r.hosts.addAll(hosts);
        r.expectations.clear();
        r.expectations.addAll(expectations);
    }
}
