package io.driftproof.collector.alerts;

import java.time.Instant;

public record AlertDeliveryView(long id, long findingId, String channel, int occurrence, Instant createdAt, int attempts,
                                Instant nextAttemptAt, Instant deliveredAt, String lastError) {
}
