package io.driftproof.collector.changes;

import java.util.List;

/** The content of a change record as a client sends it. Enumerations and times are strings so that
 * a bad value is answered with the field's name. */
public record ChangeRequest(String title, String description, String justification, String securityImpact,
                            String rollbackPlan, Boolean cuiInvolved, String type, String windowStart,
                            String windowEnd, String recurrence, String recurrenceUntil, List<String> hosts,
                            List<ExpectationRequest> expectations) {

    /** {@code onlyAttributes}: the expectation matches only a modification of these attributes (e.g. owner, group). */
    public record ExpectationRequest(String kind, String key, String action, String toVersion, String afterSha256,
                                     List<String> onlyAttributes) {
    }
}
