package io.driftproof.collector.observed;

import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.QueryParameters;
import io.driftproof.collector.inventory.ItemKind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The observed changes of one host; from (inclusive) and to (exclusive) bound observedAt. */
@Path("/api/v1/hosts/{hostId}/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class HostChangesResource {

    private final ObservedChangeService changes;
    private final QueryParameters params;

    HostChangesResource(ObservedChangeService changes, QueryParameters params) {
        this.changes = changes;
        this.params = params;
    }

    @GET
    public Page<ObservedChangeView> list(@PathParam("hostId") String hostId, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("kind") String kind,
                                         @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return changes.ofHost(hostId, params.instant("from", from), params.instant("to", to),
                params.enumValue("kind", kind, ItemKind.class), params.page(limit, offset));
    }
}
