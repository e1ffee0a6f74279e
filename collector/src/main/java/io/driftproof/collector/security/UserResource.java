package io.driftproof.collector.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Set;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final CurrentUser currentUser;

    UserResource(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/users")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(UserRequest request) {
        UserView user = users.create(request, currentUser.name());
        return Response.created(URI.create("/api/v1/users/" + user.username())).entity(user).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public UserView me() {
        // The roles of this sign-in; API tokens and OIDC users have no local user row to add to them.
        List<String> roles = List.copyOf(currentUser.roles());
        return users.get(currentUser.name()).filter(local -> Set.copyOf(local.roles()).equals(currentUser.roles()))
                .orElseGet(() -> new UserView(currentUser.name(), roles, null, null));
    }
}
