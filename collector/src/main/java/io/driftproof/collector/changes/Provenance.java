package io.driftproof.collector.changes;

import java.time.Instant;

/** Where a relayed step came from: the system (CSV, JIRA, SERVICENOW), and the driftproof user who
 * imported it and when, on the server clock. */
public record Provenance(String source, String importedBy, Instant importedAt) {
}
