package io.driftproof.collector.security.pki;

import io.driftproof.collector.common.CollectorConfig;
import io.driftproof.collector.security.SecurityConfig;
import io.driftproof.proto.EnrollmentToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The collector's certificate authority and TLS server certificate. On first use it loads them
 * from operator-supplied files (driftproof.tls.*) or from DRIFTPROOF_DATA_DIR/pki/, creating the CA
 * and the server certificate there when absent. The server certificate is re-issued when it does
 * not name every configured address, is not signed by the CA, or expires within 30 days.
 */
@ApplicationScoped
public class CollectorPki {

    private static final Logger LOG = Logger.getLogger(CollectorPki.class);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final SecurityConfig.Tls config;
    private final Path dir;
    private final CertificateIssuer issuer = new CertificateIssuer(new SecureRandom());
    private volatile Material material;

    /** The CA and the server's chain (server certificate, then CA certificate) with their keys. */
    public record Material(X509Certificate ca, PrivateKey caKey, List<X509Certificate> serverChain, PrivateKey serverKey) {
    }

    CollectorPki(SecurityConfig security, CollectorConfig collector) {
        this.config = security.tls();
        this.dir = Path.of(collector.dataDir()).resolve("pki");
    }

    public Material material() {
        Material loaded = material;
        if (loaded == null) {
            synchronized (this) {
                if (material == null) {
                    material = load();
                }
                loaded = material;
            }
        }
        return loaded;
    }

    public X509Certificate caCertificate() {
        return material().ca();
    }

    public byte[] caCertificateDer() {
        try {
            return caCertificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public CertificateIssuer issuer() {
        return issuer;
    }

    private Material load() {
        // Real time, not the server clock: TLS peers check certificates against their own clocks.
        Instant now = Instant.now();
        KeyAndCertificate ca = loadCa(now);
        Material loaded = loadServer(ca, now);
        LOG.infof("TLS: CA '%s' (pin %s), server certificate for %s, valid until %s",
                ca.certificate().getSubjectX500Principal().getName(), pin(ca.certificate()),
                names(loaded.serverChain().get(0)), loaded.serverChain().get(0).getNotAfter().toInstant());
        return loaded;
    }

    private record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
    }

    private KeyAndCertificate loadCa(Instant now) {
        if (config.caCert().isPresent() || config.caKey().isPresent()) {
            return read(required(config.caCert(), "driftproof.tls.ca-cert"), required(config.caKey(), "driftproof.tls.ca-key"));
        }
        Path cert = dir.resolve("ca.crt");
        Path key = dir.resolve("ca.key");
        if (Files.exists(cert) && Files.exists(key)) {
            return read(cert, key);
        }
        KeyPair pair = issuer.newKeyPair();
        X509Certificate ca = issuer.ca(pair, "driftproof collector CA " + hostName().orElse("localhost"), now);
        PkiFiles.writeKey(key, Pem.encode(pair.getPrivate()));
        PkiFiles.writeCertificate(cert, Pem.encode(ca));
        LOG.infof("TLS: created the collector CA in %s", dir);
        return new KeyAndCertificate(pair.getPrivate(), ca);
    }

    private Material loadServer(KeyAndCertificate ca, Instant now) {
        if (config.serverCert().isPresent() || config.serverKey().isPresent()) {
            Path certFile = required(config.serverCert(), "driftproof.tls.server-cert");
            List<X509Certificate> chain = Pem.certificates(PkiFiles.read(certFile));
            PrivateKey key = Pem.privateKey(PkiFiles.read(required(config.serverKey(), "driftproof.tls.server-key")));
            if (chain.isEmpty() || !signedBy(chain.get(0), ca.certificate())) {
                throw new IllegalStateException(certFile + " must start with a server certificate signed by the collector's CA");
            }
            return new Material(ca.certificate(), ca.key(), withCa(chain.subList(0, 1), ca.certificate()), key);
        }
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        List<String> wanted = configuredNames();
        if (Files.exists(cert) && Files.exists(key)) {
            KeyAndCertificate server = read(cert, key);
            X509Certificate c = server.certificate();
            if (signedBy(c, ca.certificate()) && names(c).containsAll(wanted)
                    && c.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                return new Material(ca.certificate(), ca.key(), withCa(List.of(c), ca.certificate()), server.key());
            }
            LOG.infof("TLS: re-issuing the server certificate (names %s, wanted %s)", names(c), wanted);
        }
        KeyPair pair = issuer.newKeyPair();
        X509Certificate server = issuer.server(ca.certificate(), ca.key(), pair.getPublic(), wanted, now);
        List<X509Certificate> chain = withCa(List.of(server), ca.certificate());
        PkiFiles.writeKey(key, Pem.encode(pair.getPrivate()));
        PkiFiles.writeCertificate(cert, Pem.encode(chain.toArray()));
        return new Material(ca.certificate(), ca.key(), chain, pair.getPrivate());
    }

    /** The handshake must carry the CA after the server certificate: fresh agents look for the pinned CA in it. */
    private static List<X509Certificate> withCa(List<X509Certificate> leaf, X509Certificate ca) {
        List<X509Certificate> chain = new ArrayList<>(leaf);
        chain.add(ca);
        return List.copyOf(chain);
    }

    private List<String> configuredNames() {
        Set<String> names = new LinkedHashSet<>();
        config.names().ifPresentOrElse(names::addAll, () -> {
            hostName().ifPresent(names::add);
            names.add("localhost");
            names.add("127.0.0.1");
        });
        return List.copyOf(names);
    }

    private static Optional<String> hostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName()).filter(n -> !n.isBlank());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static KeyAndCertificate read(Path cert, Path key) {
        List<X509Certificate> certificates = Pem.certificates(PkiFiles.read(cert));
        if (certificates.isEmpty()) {
            throw new IllegalStateException(cert + " holds no PEM certificate");
        }
        return new KeyAndCertificate(Pem.privateKey(PkiFiles.read(key)), certificates.get(0));
    }

    private static Path required(Optional<Path> file, String property) {
        return file.orElseThrow(() -> new IllegalStateException(property + " must be set too"));
    }

    static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<String> names(X509Certificate certificate) {
        Set<String> names = new HashSet<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                sans.forEach(san -> names.add(String.valueOf(san.get(1))));
            }
        } catch (CertificateParsingException e) {
            LOG.debugf("unreadable subject alternative names: %s", e.getMessage());
        }
        return names;
    }

    private static String pin(X509Certificate ca) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(EnrollmentToken.pinOf(ca.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
