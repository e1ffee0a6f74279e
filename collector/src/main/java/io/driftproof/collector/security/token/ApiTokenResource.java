package io.driftproof.collector.security.token;

import io.driftproof.collector.security.CurrentUser;
import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/api/v1/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokenResource {

    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    ApiTokenResource(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ApiTokenRequest request) {
        return Response.status(Response.Status.CREATED).entity(tokens.create(request, currentUser.name())).build();
    }

    @GET
    public List<ApiTokenView> list() {
        return tokens.list();
    }

    @POST
    @Path("/{id}/revoke")
    public ApiTokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id, currentUser.name());
    }
}
