package io.driftproof.collector.enrollment;

/** A host's certificates were revoked (fired inside the revoking transaction). */
record CertificatesRevoked(String hostId) {
}
