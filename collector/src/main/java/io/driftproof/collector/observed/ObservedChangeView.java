package io.driftproof.collector.observed;

import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemState;

import java.time.Instant;

/** An observed change as the REST API shows it. */
public record ObservedChangeView(long id, String hostId, ItemKind kind, String key, ChangeAction action,
                                 ItemState before, ItemState after, Instant notBefore, Instant observedAt,
                                 Instant observedAtAgent, Instant evidenceTime, Instant receivedAt, long snapshotSeq,
                                 String status, Long changeRecordId) {
}
