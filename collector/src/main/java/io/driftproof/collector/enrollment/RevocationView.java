package io.driftproof.collector.enrollment;

import java.time.Instant;
import java.util.List;

/** The answer to a revocation: the serials revoked now (empty when all were revoked before). */
public record RevocationView(String hostId, List<String> revokedSerials, Instant revokedAt) {
}
