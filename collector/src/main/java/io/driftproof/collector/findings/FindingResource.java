package io.driftproof.collector.findings;

import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.QueryParameters;
import io.driftproof.collector.security.CurrentUser;
import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class FindingResource {

    private final FindingService findings;
    private final QueryParameters params;
    private final CurrentUser user;

    FindingResource(FindingService findings, QueryParameters params, CurrentUser user) {
        this.findings = findings;
        this.params = params;
        this.user = user;
    }

    @GET
    public Page<FindingView> list(@QueryParam("status") String status, @QueryParam("type") String type,
                                  @QueryParam("hostId") String hostId, @QueryParam("changeRecordId") Long recordId,
                                  @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return findings.list(params.enumValue("status", status, FindingStatus.class),
                params.enumValue("type", type, FindingType.class), Optional.ofNullable(hostId).filter(h -> !h.isBlank()),
                Optional.ofNullable(recordId), params.page(limit, offset));
    }

    @GET
    @Path("/{id}")
    public FindingView get(@PathParam("id") long id) {
        return findings.get(id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Role.APPROVER_NAME, Role.ADMIN_NAME})
    public FindingView acknowledge(@PathParam("id") long id, Acknowledgement ack) {
        return findings.acknowledge(id, ack, params.instant("until", ack == null ? null : ack.until()), user.name());
    }
}
