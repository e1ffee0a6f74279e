package io.driftproof.collector.ingest;

import io.grpc.Status;

/** An agent the collector does not accept (no or invalid credential, another host's Hello): the
 * stream is closed with the status (UNAUTHENTICATED or PERMISSION_DENIED) and nothing is stored. */
public class AgentRefused extends RuntimeException {

    private final transient Status status;

    public AgentRefused(Status status) {
        super(status.getDescription());
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
