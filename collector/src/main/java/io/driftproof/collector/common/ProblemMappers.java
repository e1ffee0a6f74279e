package io.driftproof.collector.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the REST API leaves as problem details; nothing internal (stack traces, SQL)
 * reaches the client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.status().getStatusCode(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return ProblemResponses.of(400, "Unknown field '" + e.getPropertyName() + "'", "the request body has a field '"
                + e.getPropertyName() + "' that this request does not take", uri);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return ProblemResponses.of(400, "Invalid request body", "the body is not valid JSON for this request: "
                + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return ProblemResponses.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request " + (uri == null ? "" : uri.getRequestUri().getRawPath()) + " failed", e);
        return ProblemResponses.of(500, "Internal Server Error", "the request failed; the collector log has details", uri);
    }
}
