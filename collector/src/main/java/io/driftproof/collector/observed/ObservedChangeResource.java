package io.driftproof.collector.observed;

import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/observed-changes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class ObservedChangeResource {

    private final ObservedChangeService changes;

    ObservedChangeResource(ObservedChangeService changes) {
        this.changes = changes;
    }

    @GET
    public ObservedChangeView get(@PathParam("id") long id) {
        return changes.get(id);
    }
}
