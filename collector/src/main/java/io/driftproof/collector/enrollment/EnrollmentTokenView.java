package io.driftproof.collector.enrollment;

import java.time.Instant;
import java.util.List;

/** A new enrollment token; {@code token} is shown this once and never stored. */
public record EnrollmentTokenView(String token, Instant expiresAt, List<String> tags) {
}
