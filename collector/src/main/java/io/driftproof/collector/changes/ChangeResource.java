package io.driftproof.collector.changes;

import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.QueryParameters;
import io.driftproof.collector.security.CurrentUser;
import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;

/** Change records and their transitions. Who may do what is declared per method; separation of
 * duties (who may not do it to which record) is the services'. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class ChangeResource {

    private final ChangeService records;
    private final ChangeTransitions transitions;
    private final ChangeAttachments attachments;
    private final ChangeLogImport imports;
    private final QueryParameters params;
    private final CurrentUser user;

    ChangeResource(ChangeService records, ChangeTransitions transitions, ChangeAttachments attachments,
                   ChangeLogImport imports, QueryParameters params, CurrentUser user) {
        this.records = records;
        this.transitions = transitions;
        this.attachments = attachments;
        this.imports = imports;
        this.params = params;
        this.user = user;
    }

    @POST
    @RolesAllowed(Role.REQUESTER_NAME)
    public Response create(ChangeRequest request) {
        ChangeView created = records.create(request, user.name());
        return Response.created(URI.create("/api/v1/changes/" + created.id())).entity(created).build();
    }

    /** A CSV change log from before driftproof (or from another tool): all rows are imported or none. */
    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed(Role.ADMIN_NAME)
    public ImportReport importCsv(String csv) {
        return imports.importCsv(csv, user.name());
    }

    @GET
    public Page<ChangeSummary> list(@QueryParam("state") String state, @QueryParam("type") String type,
                                    @QueryParam("parentId") Long parentId, @QueryParam("limit") String limit,
                                    @QueryParam("offset") String offset) {
        return records.list(params.enumValue("state", state, ChangeState.class),
                params.enumValue("type", type, ChangeType.class), Optional.ofNullable(parentId), params.page(limit, offset));
    }

    @GET
    @Path("/{id}")
    public ChangeView get(@PathParam("id") long id) {
        return records.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.REQUESTER_NAME)
    public ChangeView updateDraft(@PathParam("id") long id, ChangeRequest request) {
        return records.updateDraft(id, request, user.name());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Role.REQUESTER_NAME)
    public ChangeView submit(@PathParam("id") long id, TransitionRequest body) {
        return transitions.submit(id, user.name(), TransitionRequest.noteOf(body));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.APPROVER_NAME)
    public ChangeView approve(@PathParam("id") long id, TransitionRequest body) {
        return transitions.approve(id, user.name(), TransitionRequest.noteOf(body));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Role.APPROVER_NAME)
    public ChangeView reject(@PathParam("id") long id, TransitionRequest body) {
        return transitions.reject(id, user.name(), TransitionRequest.noteOf(body));
    }

    @POST
    @Path("/{id}/implemented")
    @RolesAllowed(Role.IMPLEMENTER_NAME)
    public ChangeView implemented(@PathParam("id") long id, TransitionRequest body) {
        return transitions.implemented(id, user.name(), TransitionRequest.noteOf(body));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed({Role.IMPLEMENTER_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    public ChangeView verify(@PathParam("id") long id) {
        return transitions.verify(id, user.name());
    }

    @POST
    @Path("/{id}/signoff")
    @RolesAllowed(Role.APPROVER_NAME)
    public ChangeView signoff(@PathParam("id") long id, TransitionRequest body) {
        return transitions.signoff(id, user.name(), TransitionRequest.noteOf(body));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Role.APPROVER_NAME, Role.ADMIN_NAME})
    public ChangeView close(@PathParam("id") long id, TransitionRequest body) {
        return transitions.close(id, user.name(), TransitionRequest.noteOf(body));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    public ChangeView cancel(@PathParam("id") long id, TransitionRequest body) {
        return transitions.cancel(id, user.name(), TransitionRequest.noteOf(body));
    }

    /** A correction after submission: the body is the full corrected content. */
    @POST
    @Path("/{id}/revise")
    @RolesAllowed(Role.REQUESTER_NAME)
    public ChangeView revise(@PathParam("id") long id, ChangeRequest request) {
        return transitions.revise(id, request, user.name(), "corrected by a new revision");
    }

    @POST
    @Path("/{id}/attachments")
    @RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.ADMIN_NAME})
    public ChangeView attach(@PathParam("id") long id, AttachmentRequest request) {
        return attachments.attach(id, request, user.name());
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        ChangeAttachments.Content a = attachments.get(id, attachmentId);
        return Response.ok(a.data(), a.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + a.name().replace("\"", "") + "\"")
                .header("X-Content-SHA256", a.sha256()).build();
    }
}
