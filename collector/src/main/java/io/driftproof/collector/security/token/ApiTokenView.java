package io.driftproof.collector.security.token;

import java.time.Instant;
import java.util.List;

/** An API token without its secret. The principal it authenticates as is {@code token:<name>}. */
public record ApiTokenView(long id, String name, List<String> roles, Instant createdAt, String createdBy,
                           Instant expiresAt, Instant revokedAt, String revokedBy) {

    static ApiTokenView of(ApiToken token) {
        return new ApiTokenView(token.id, token.name, List.of(token.roles.split(",")), token.createdAt, token.createdBy,
                token.expiresAt, token.revokedAt, token.revokedBy);
    }
}
