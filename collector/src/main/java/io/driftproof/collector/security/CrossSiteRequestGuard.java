package io.driftproof.collector.security;

import io.driftproof.collector.common.ProblemResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * Browsers resend HTTP Basic credentials on their own, so a page of another site could make a
 * browser POST to the API. Such a page can only send a form-like request (no content type, or
 * form, multipart or text/plain) without a CORS preflight, which the collector never grants. So
 * an unsafe API request must declare any other content type (application/json in practice).
 */
public class CrossSiteRequestGuard {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SIMPLE = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireNonSimpleContentType(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        if (type != null && !SIMPLE.contains(type.getType() + "/" + type.getSubtype())) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(415, "Content type required",
                request.getMethod() + " requests to the API must be sent as application/json (got "
                        + (type == null ? "no content type" : type.toString()) + ")", request.getUriInfo()));
    }
}
