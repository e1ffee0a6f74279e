package io.driftproof.collector.common;

import jakarta.ws.rs.core.Response.Status;

/** A request that cannot be served, answered as problem details. The detail goes to the client,
 * so it names the problem in the client's terms and never carries internals. */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String title;

    public ProblemException(Status status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(Status.BAD_REQUEST, "Invalid parameter '" + parameter + "'", detail);
    }

    /** A 400 naming the body field at fault. */
    public static ProblemException field(String name, String detail) {
        return new ProblemException(Status.BAD_REQUEST, "Invalid field '" + name + "'", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST, "Invalid request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, "Not found", detail);
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }
}
