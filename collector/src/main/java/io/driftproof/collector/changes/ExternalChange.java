package io.driftproof.collector.changes;

import java.time.Instant;
import java.util.Optional;

/**
 * A change request as another system records it (a CSV change log, Jira Service Management,
 * ServiceNow): its id there, its content, and the steps it went through with that system's names
 * and times. driftproof keeps those names and times and marks them as relayed.
 *
 * @param updated who last changed the content there and when, which a revision is stamped with;
 *                empty when the source does not say (a change log), and the revision is the importer's
 */
public record ExternalChange(String source, String externalId, ChangeRequest content, Step requested,
                             Optional<Step> approved, Optional<Step> rejected, Optional<Step> cancelled,
                             Optional<Step> updated) {

    /** One step: who did it and when, in the other system. */
    public record Step(String by, Instant at) {
    }
}
