package io.driftproof.collector.security.token;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.security.Role;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates, lists, revokes and checks API tokens ({@code dpat_} + 32 random bytes, base64url). */
@ApplicationScoped
public class ApiTokenService {

    public static final String PREFIX = "dpat_";
    static final int MAX_TTL_DAYS = 366;
    private static final String NAME = "[A-Za-z0-9._@-]{1,100}";

    private final ServerClock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ServerClock clock) {
        this.clock = clock;
    }

    /** The principal name and roles of a presented token. */
    public record Holder(String principal, Set<String> roles) {
    }

    @Transactional
    public ApiTokenCreated create(ApiTokenRequest request, String createdBy) {
        if (request == null || request.name() == null || !request.name().matches(NAME)) {
            throw ProblemException.field("name", "name must be 1 to 100 letters, digits or . _ @ -");
        }
        if (request.ttlDays() == null || request.ttlDays() < 1 || request.ttlDays() > MAX_TTL_DAYS) {
            throw ProblemException.field("ttlDays", "ttlDays must be 1 to " + MAX_TTL_DAYS);
        }
        Set<String> roles = Role.namesOf(request.roles());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken();
        stored.name = request.name();
        stored.tokenHash = hash(token);
        stored.roles = String.join(",", roles);
        stored.createdAt = clock.now();
        stored.createdBy = createdBy;
        stored.expiresAt = stored.createdAt.plus(Duration.ofDays(request.ttlDays()));
        stored.persist();
        return new ApiTokenCreated(token, ApiTokenView.of(stored));
    }

    @Transactional
    public List<ApiTokenView> list() {
        return ApiToken.<ApiToken>listAll(Sort.by("id")).stream().map(ApiTokenView::of).toList();
    }

    @Transactional
    public ApiTokenView revoke(long id, String by) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            throw ProblemException.notFound("no API token with id " + id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.now();
            token.revokedBy = by;
        }
        return ApiTokenView.of(token);
    }

    /** Who a presented token authenticates, if it is known, not expired and not revoked. */
    @Transactional
    public Optional<Holder> holder(String presented) {
        Instant now = clock.now();
        return ApiToken.<ApiToken>find("tokenHash", hash(presented)).firstResultOptional()
                .filter(t -> t.revokedAt == null && now.isBefore(t.expiresAt))
                .map(t -> new Holder("token:" + t.name, Set.of(t.roles.split(","))));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
