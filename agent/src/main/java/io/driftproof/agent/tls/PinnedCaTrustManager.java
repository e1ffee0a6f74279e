package io.driftproof.agent.tls;

import io.driftproof.proto.EnrollmentToken;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Trusts a server at first contact by the enrollment token's CA pin: the chain the server
 * presents must contain the certificate whose SHA-256 is the pin, and must verify against it as
 * the only trust anchor, with the JDK's standard PKIX checks (signatures, validity, CA
 * constraints, server key usage). Presenting the CA certificate alone proves nothing, since it is
 * public: the server's own certificate has to be signed by it.
 *
 * <p>Only for the enrollment call; afterwards the agent trusts the stored {@code ca.crt}.
 */
public final class PinnedCaTrustManager extends X509ExtendedTrustManager {

    private final EnrollmentToken token;
    private volatile boolean pinMismatch;

    public PinnedCaTrustManager(EnrollmentToken token) {
        this.token = token;
    }

    /** Whether a server presented a chain without the pinned CA certificate. */
    public boolean sawPinMismatch() {
        return pinMismatch;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anchoredAt(chain).checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        anchoredAt(chain).checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        anchoredAt(chain).checkServerTrusted(chain, authType, engine);
    }

    /** The JDK's PKIX trust manager with the pinned certificate from {@code chain} as its only anchor. */
    private X509ExtendedTrustManager anchoredAt(X509Certificate[] chain) throws CertificateException {
        Optional<X509Certificate> pinned = pinnedIn(chain);
        if (pinned.isEmpty()) {
            pinMismatch = true;
            throw new CertificateException("the server's certificate chain does not contain the CA pinned by the enrollment token");
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("pinned-ca", pinned.get());
            return TlsContexts.pkixTrustManager(anchors);
        } catch (GeneralSecurityException | IOException e) {
            throw new CertificateException("cannot build a trust store from the pinned CA: " + e.getMessage(), e);
        }
    }

    private Optional<X509Certificate> pinnedIn(X509Certificate[] chain) throws CertificateEncodingException {
        for (X509Certificate c : chain) {
            if (token.pins(c.getEncoded())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the agent never accepts clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
