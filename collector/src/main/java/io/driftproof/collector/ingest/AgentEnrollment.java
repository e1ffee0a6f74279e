package io.driftproof.collector.ingest;

import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;

/** Answers Enroll: a one-time token and a CSR buy a client certificate (docs/adr/0003). */
public interface AgentEnrollment {

    /** Throws {@link AgentRefused} with INVALID_ARGUMENT or PERMISSION_DENIED when the request is refused. */
    EnrollResponse enroll(EnrollRequest request);
}
