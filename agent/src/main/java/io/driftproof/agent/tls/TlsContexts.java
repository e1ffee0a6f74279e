package io.driftproof.agent.tls;

import io.grpc.okhttp.OkHttpChannelBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

/** TLS for the connection to the collector: the SSL contexts and the okhttp channel that uses them. */
public final class TlsContexts {

    /**
     * okhttp's default spec allows TLS 1.2 only. TLS 1.3 first; TLS 1.2 with forward-secret AEAD
     * suites for collectors behind proxies that lack 1.3.
     */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String[] CIPHER_SUITES = {
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};
    private static final char[] IN_MEMORY_PASSWORD = "driftproof".toCharArray();

    private TlsContexts() {
    }

    /** A channel to {@code target} over {@code context}; okhttp verifies the host name against the server's certificate. */
    public static OkHttpChannelBuilder channel(String target, SSLContext context) {
        return OkHttpChannelBuilder.forTarget(target)
                .sslSocketFactory(context.getSocketFactory())
                .tlsConnectionSpec(PROTOCOLS, CIPHER_SUITES);
    }

    /** For enrollment: no client certificate, the server trusted by the token's pin. */
    public static SSLContext pinned(PinnedCaTrustManager trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    /** For everything after enrollment: the client certificate, and the collector's CA as the only trust anchor. */
    public static SSLContext mutual(Enrollment enrollment) throws GeneralSecurityException {
        try {
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("client", enrollment.privateKey(), IN_MEMORY_PASSWORD,
                    new Certificate[] {enrollment.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, IN_MEMORY_PASSWORD);

            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("collector-ca", enrollment.ca());

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {pkixTrustManager(anchors)}, null);
            return context;
        } catch (IOException e) {
            throw new GeneralSecurityException("in-memory key store: " + e.getMessage(), e);
        }
    }

    /** The JDK's standard PKIX trust manager over {@code anchors}. */
    static X509ExtendedTrustManager pkixTrustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the PKIX trust manager factory made no X509ExtendedTrustManager");
    }
}
