package io.driftproof.collector.enrollment;

import io.driftproof.collector.ingest.AgentAuthenticator;
import io.driftproof.collector.ingest.AgentIdentity;
import io.driftproof.collector.ingest.AgentRefused;
import io.driftproof.collector.ingest.HelloAgentIdentity;
import io.driftproof.collector.ingest.HostIds;
import io.driftproof.collector.security.SecurityConfig;
import io.driftproof.collector.security.pki.CollectorPki;
import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Status;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Agents authenticate with the client certificate issued at enrollment: signed by the collector's
 * CA, within its validity, for client authentication, naming a host id. Whether the serial is
 * still recorded and not revoked is checked at the Hello ({@link CertificateAgentIdentity}).
 * Plaintext connections count only with driftproof.agent.allow-plaintext (development).
 */
@ApplicationScoped
public class MtlsAgentAuthenticator implements AgentAuthenticator {

    private static final Logger LOG = Logger.getLogger(MtlsAgentAuthenticator.class);
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final CollectorPki pki;
    private final AgentCertificates certificates;
    private final boolean allowPlaintext;

    MtlsAgentAuthenticator(CollectorPki pki, AgentCertificates certificates, SecurityConfig config) {
        this.pki = pki;
        this.certificates = certificates;
        this.allowPlaintext = config.agent().allowPlaintext();
    }

    void onStart(@Observes StartupEvent start) {
        if (allowPlaintext) {
            LOG.warn("DEVELOPMENT MODE: driftproof.agent.allow-plaintext=true: agents may report without TLS and "
                    + "name any host. Never use this on a collector that holds evidence.");
        }
    }

    @Override
    public AgentIdentity authenticate(Attributes transport) {
        SSLSession tls = transport.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (tls == null) {
            if (allowPlaintext) {
                return new HelloAgentIdentity();
            }
            throw unauthenticated("plaintext agent connections are refused: enroll the agent and connect with TLS");
        }
        X509Certificate certificate = clientCertificate(tls);
        String hostId = check(certificate);
        return new CertificateAgentIdentity(hostId, certificate.getSerialNumber().toString(16), certificates);
    }

    private static X509Certificate clientCertificate(SSLSession tls) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                return x509;
            }
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate
        }
        throw unauthenticated("a client certificate is required: enroll this host (driftproof-agent enroll)");
    }

    private String check(X509Certificate certificate) {
        X509Certificate ca = pki.caCertificate();
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw unauthenticated("the client certificate was not issued by this collector's CA: enroll again with --force");
        }
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw unauthenticated("the client certificate was not issued by this collector's CA: enroll again with --force");
        }
        Instant now = Instant.now();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw unauthenticated("the client certificate expired at " + certificate.getNotAfter().toInstant()
                    + ": enroll again with a new token and --force");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw unauthenticated("the client certificate is not valid before " + certificate.getNotBefore().toInstant());
        }
        if (!clientAuth(certificate)) {
            throw unauthenticated("the certificate is not a client certificate");
        }
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        String hostId = rdns.length == 1 ? IETFUtils.valueToString(rdns[0].getFirst().getValue()) : "";
        if (!HostIds.valid(hostId)) {
            throw unauthenticated("the client certificate names no valid host id");
        }
        return hostId;
    }

    private static boolean clientAuth(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static AgentRefused unauthenticated(String description) {
        return new AgentRefused(Status.UNAUTHENTICATED.withDescription(description));
    }
}
