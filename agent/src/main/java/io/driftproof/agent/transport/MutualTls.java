package io.driftproof.agent.transport;

import io.driftproof.agent.tls.CertificateSummary;
import io.driftproof.agent.tls.Enrollment;
import io.driftproof.agent.tls.TlsContexts;
import io.grpc.okhttp.OkHttpChannelBuilder;

import javax.net.ssl.SSLContext;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/** mTLS with the host's enrollment: its client certificate, and its collector's CA as the only trust anchor. */
final class MutualTls implements ChannelSecurity {

    private static final Logger LOG = Logger.getLogger(MutualTls.class.getName());
    /** A service runs for months: the expiry warning repeats, at most this often. */
    static final Duration WARNING_INTERVAL = Duration.ofDays(1);

    private final SSLContext context;
    private final X509Certificate certificate;
    private Instant lastWarning;

    MutualTls(Enrollment enrollment) throws GeneralSecurityException {
        this.context = TlsContexts.mutual(enrollment);
        this.certificate = enrollment.certificate();
    }

    @Override
    public OkHttpChannelBuilder builder(String target) {
        return TlsContexts.channel(target, context);
    }

    @Override
    public synchronized void checkCertificate(Instant now) {
        Optional<String> warning = CertificateSummary.expiryWarning(certificate, now);
        if (warning.isPresent() && (lastWarning == null || !now.isBefore(lastWarning.plus(WARNING_INTERVAL)))) {
            LOG.warning(warning.get());
            lastWarning = now;
        }
    }
}
