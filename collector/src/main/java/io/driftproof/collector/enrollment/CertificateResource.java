package io.driftproof.collector.enrollment;

import io.driftproof.collector.security.CurrentUser;
import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/hosts/{hostId}/certificate")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    private final AgentCertificates certificates;
    private final CurrentUser currentUser;

    CertificateResource(AgentCertificates certificates, CurrentUser currentUser) {
        this.certificates = certificates;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/revoke")
    @RolesAllowed(Role.ADMIN_NAME)
    public RevocationView revoke(@PathParam("hostId") String hostId) {
        return certificates.revoke(hostId, currentUser.name());
    }
}
