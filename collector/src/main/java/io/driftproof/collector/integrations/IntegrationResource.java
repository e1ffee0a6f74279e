package io.driftproof.collector.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.changes.ExternalRecords;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Change-request webhooks of ticketing systems. No user logs in: each system proves itself with its
 * shared secret in X-Driftproof-Secret, checked by the service. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class IntegrationResource {

    private final IntegrationService integrations;

    IntegrationResource(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @POST
    @Path("/{system}")
    public Response receive(@PathParam("system") String system, @HeaderParam("X-Driftproof-Secret") String secret,
                            JsonNode payload) {
        ExternalRecords.Applied applied = integrations.receive(system, secret, payload);
        return applied.outcome() == ExternalRecords.Outcome.CREATED
                ? Response.created(URI.create("/api/v1/changes/" + applied.id())).entity(applied).build()
                : Response.ok(applied).build();
    }
}
