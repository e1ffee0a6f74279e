package io.driftproof.collector.inventory;

import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.QueryParameters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Hosts and their current items. Lists are paged with limit/offset (see docs/api.md). */
@Path("/api/v1/hosts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class HostResource {

    private final InventoryService inventory;
    private final QueryParameters params;

    HostResource(InventoryService inventory, QueryParameters params) {
        this.inventory = inventory;
        this.params = params;
    }

    @GET
    public Page<HostView> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return inventory.hosts(params.page(limit, offset));
    }

    @GET
    @Path("/{hostId}")
    public HostView get(@PathParam("hostId") String hostId) {
        return inventory.host(hostId);
    }

    @PUT
    @Path("/{hostId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public HostView update(@PathParam("hostId") String hostId, HostUpdate update) {
        return inventory.update(hostId, update == null ? new HostUpdate(null, null) : update);
    }

    @GET
    @Path("/{hostId}/items")
    public Page<ItemView> items(@PathParam("hostId") String hostId, @QueryParam("kind") String kind,
                                @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return inventory.items(hostId, params.enumValue("kind", kind, ItemKind.class), params.page(limit, offset));
    }
}
