package io.driftproof.collector.reconcile;

import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.observed.ChangeAction;

import java.time.Instant;
import java.util.Set;

/**
 * What reconciliation knows of one observed change: the item, what happened to it (versions and
 * content hash where the kind has them, the attributes a modification changed), and the interval (notBefore, observedAt] in which it
 * happened, with the host's own evidence time when there is one. All times on the collector's clock.
 */
public record ChangeFacts(long id, String hostId, ItemKind kind, String key, ChangeAction action, String beforeVersion,
                          String afterVersion, String manager, String afterSha256, Set<String> changedAttributes,
                          Instant notBefore, Instant observedAt, Instant evidenceTime) {

    /** The best estimate of when it happened: the host's evidence, else when it was seen. */
    public Instant effectiveTime() {
        return evidenceTime != null ? evidenceTime : observedAt;
    }

    /** The earliest it can have happened, for deadlines counted from implementation. */
    public Instant earliestTime() {
        return evidenceTime != null ? evidenceTime : notBefore;
    }
}
