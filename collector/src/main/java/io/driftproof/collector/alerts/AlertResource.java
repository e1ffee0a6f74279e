package io.driftproof.collector.alerts;

import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The outbox as operators see it: per finding, which channels got the alert, after how many attempts. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
public class AlertResource {

    private final AlertDeliveries deliveries;

    AlertResource(AlertDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    public List<AlertDeliveryView> ofFinding(@QueryParam("findingId") long findingId) {
        return deliveries.ofFinding(findingId);
    }
}
