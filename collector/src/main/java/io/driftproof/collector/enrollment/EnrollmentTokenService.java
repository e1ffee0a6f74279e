package io.driftproof.collector.enrollment;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.inventory.HostTags;
import io.driftproof.collector.security.pki.CollectorPki;
import io.driftproof.proto.EnrollmentToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Issues enrollment tokens: the secret is returned once, only its hash is stored. */
@ApplicationScoped
public class EnrollmentTokenService {

    static final int MAX_TTL_MINUTES = 7 * 24 * 60;

    private final CollectorPki pki;
    private final ServerClock clock;
    private final SecureRandom random = new SecureRandom();

    EnrollmentTokenService(CollectorPki pki, ServerClock clock) {
        this.pki = pki;
        this.clock = clock;
    }

    @Transactional
    public EnrollmentTokenView create(EnrollmentTokenRequest request, String createdBy) {
        if (request == null || request.ttlMinutes() == null || request.ttlMinutes() < 1 || request.ttlMinutes() > MAX_TTL_MINUTES) {
            throw new ProblemException(Status.BAD_REQUEST, "Invalid field 'ttlMinutes'",
                    "ttlMinutes must be 1 to " + MAX_TTL_MINUTES + " (7 days)");
        }
        List<String> tags = HostTags.valid(request.tags());
        EnrollmentToken token = EnrollmentToken.create(pki.caCertificateDer(), random);
        Instant now = clock.now();
        IssuedEnrollmentToken issued = new IssuedEnrollmentToken();
        issued.secretHash = HexFormat.of().formatHex(token.secretHash());
        issued.caPin = Base64.getUrlEncoder().withoutPadding().encodeToString(token.caPin());
        issued.tags = tags.isEmpty() ? null : String.join(",", tags);
        issued.createdAt = now;
        issued.createdBy = createdBy;
        issued.expiresAt = now.plus(Duration.ofMinutes(request.ttlMinutes()));
        issued.persist();
        return new EnrollmentTokenView(token.encoded(), issued.expiresAt, tags);
    }
}
