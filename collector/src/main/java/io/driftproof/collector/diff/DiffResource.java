package io.driftproof.collector.diff;

import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.driftproof.collector.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The diff of an observed change: unified diff text by default, structured with ?format=json. */
@Path("/api/v1/observed-changes/{id}/diff")
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class DiffResource {

    private final DiffService diffs;

    DiffResource(DiffService diffs) {
        this.diffs = diffs;
    }

    @GET
    public Response diff(@PathParam("id") long id, @QueryParam("format") String format) {
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw ProblemException.badParameter("format", "format must be json or text, got '" + format + "'");
        }
        ChangeDiff diff = diffs.diff(id);
        if ("json".equals(format)) {
            return Response.ok(diff, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(DiffText.render(diff), MediaType.TEXT_PLAIN + ";charset=UTF-8").build();
    }
}
