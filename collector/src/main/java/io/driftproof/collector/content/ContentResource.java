package io.driftproof.collector.content;

import io.driftproof.collector.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.driftproof.collector.common.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A config file's content as of a time. The key is the file's absolute path, either as path
 * segments ({@code .../items/etc/ssh/sshd_config/content}) or URL-encoded in one segment
 * ({@code .../items/%2Fetc%2Fssh%2Fsshd_config/content}).
 */
@Path("/api/v1/hosts/{hostId}/items/{key: .+}/content")
@RolesAllowed({Role.REQUESTER_NAME, Role.APPROVER_NAME, Role.IMPLEMENTER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class ContentResource {

    private final FileHistory history;
    private final QueryParameters params;

    ContentResource(FileHistory history, QueryParameters params) {
        this.history = history;
        this.params = params;
    }

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response content(@PathParam("hostId") String hostId, @PathParam("key") String key, @QueryParam("at") String at) {
        String path = key.startsWith("/") ? key : "/" + key;
        FileVersion version = history.contentAt(hostId, path, params.instant("at", at));
        String type = isUtf8(version.data()) ? MediaType.TEXT_PLAIN + ";charset=UTF-8" : MediaType.APPLICATION_OCTET_STREAM;
        return Response.ok(version.data(), type)
                .header(HttpHeaders.ETAG, "\"" + version.sha256() + "\"")
                .header("X-Driftproof-Sha256", version.sha256())
                .build();
    }

    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
