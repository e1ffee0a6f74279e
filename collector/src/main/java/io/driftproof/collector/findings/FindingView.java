package io.driftproof.collector.findings;

import java.time.Instant;
import java.util.List;

public record FindingView(long id, FindingType type, FindingStatus status, String hostId, Long changeRecordId,
                          Long observedChangeId, String summary, String evidence, Instant openedAt,
                          int occurrences, Instant acknowledgedAt, String acknowledgedBy, String acknowledgedReason,
                          Instant acknowledgedUntil, Instant resolvedAt, String resolvedBy, String resolution,
                          List<Event> events) {

    public record Event(FindingStatus status, Instant at, String by, String note) {
    }
}
