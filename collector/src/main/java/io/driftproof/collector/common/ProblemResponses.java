package io.driftproof.collector.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds problem+json responses; the problem type is a stable URN per HTTP status. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String title, String detail, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem problem = new Problem("urn:driftproof:problem:" + status, title, status, detail, instance);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
