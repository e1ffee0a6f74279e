package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangeType;
import io.driftproof.collector.changes.Expectation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What reconciliation knows of one record whose scope holds the change's host.
 *
 * @param approvedAt      null while not approved (or after rejection, cancellation, a new revision)
 * @param awaitingApproval an EMERGENCY record submitted (or implemented) and not yet approved
 * @param endsAt          when a standing approval was retired or the record cancelled; changes after it are not explained
 * @param schedule        the windows of a RECURRING record; empty for a one-off record
 */
public record RecordTerms(long id, ChangeType type, Instant approvedAt, boolean awaitingApproval, Instant endsAt,
                          ChangeWindow window, Optional<RecurrenceSchedule> schedule, List<Expectation> expectations) {

    /** The window the change is judged against: the record's, or the recurring cycle nearest to it. */
    ChangeWindow windowFor(Instant t) {
        return schedule.flatMap(s -> s.nearest(t)).orElse(window);
    }

    boolean matches(ChangeFacts c) {
        return expectations.stream().anyMatch(e -> ExpectationMatch.matches(e, c));
    }
}
