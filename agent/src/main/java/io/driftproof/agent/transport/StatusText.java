package io.driftproof.agent.transport;

import io.grpc.Status;

/** A failed call in one line: the gRPC status code, its description and the underlying cause. */
public final class StatusText {

    private StatusText() {
    }

    public static String of(Throwable t) {
        Status status = Status.fromThrowable(t);
        StringBuilder text = new StringBuilder(status.getCode().toString());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        if (status.getCause() != null && status.getCause().getMessage() != null
                && !status.getCause().getMessage().equals(status.getDescription())) {
            text.append(" (").append(status.getCause().getMessage()).append(')');
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
