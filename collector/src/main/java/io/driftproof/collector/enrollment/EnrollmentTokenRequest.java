package io.driftproof.collector.enrollment;

import java.util.List;

/** {@code POST /api/v1/enrollment-tokens}: how long the token is valid and the tags the enrolled host gets. */
public record EnrollmentTokenRequest(Integer ttlMinutes, List<String> tags) {
}
