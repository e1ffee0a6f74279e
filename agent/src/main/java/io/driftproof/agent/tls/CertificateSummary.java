package io.driftproof.agent.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What an operator needs to know about the agent's client certificate. */
public final class CertificateSummary {

    /** Warn this long before the client certificate expires. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private CertificateSummary() {
    }

    /** {@code subject CN=..., serial 0a1b..., expires 2026-01-01T00:00:00Z (in 89 days)}. */
    public static String describe(X509Certificate certificate, Instant now) {
        return "subject " + certificate.getSubjectX500Principal().getName()
                + ", serial " + certificate.getSerialNumber().toString(16)
                + ", expires " + notAfter(certificate) + " (" + remaining(certificate, now) + ")";
    }

    /** A warning when the certificate has expired or expires within {@link #EXPIRY_WARNING}. */
    public static Optional<String> expiryWarning(X509Certificate certificate, Instant now) {
        if (Duration.between(now, notAfter(certificate)).compareTo(EXPIRY_WARNING) > 0) {
            return Optional.empty();
        }
        return Optional.of("the client certificate (" + describe(certificate, now) + ") "
                + (now.isBefore(notAfter(certificate)) ? "expires soon" : "has expired")
                + ": the collector will refuse this agent; get a new token and run 'driftproof-agent enroll --force'");
    }

    private static Instant notAfter(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant();
    }

    private static String remaining(X509Certificate certificate, Instant now) {
        Duration left = Duration.between(now, notAfter(certificate));
        if (left.isNegative()) {
            return "expired " + left.negated().toDays() + " days ago";
        }
        return "in " + left.toDays() + " days";
    }
}
