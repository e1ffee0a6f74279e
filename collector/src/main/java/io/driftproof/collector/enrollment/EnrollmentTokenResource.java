package io.driftproof.collector.enrollment;

import io.driftproof.collector.security.CurrentUser;
import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/enrollment-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentTokenResource {

    private final EnrollmentTokenService tokens;
    private final CurrentUser currentUser;

    EnrollmentTokenResource(EnrollmentTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(EnrollmentTokenRequest request) {
        return Response.status(Response.Status.CREATED).entity(tokens.create(request, currentUser.name())).build();
    }
}
