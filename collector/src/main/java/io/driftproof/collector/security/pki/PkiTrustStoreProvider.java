package io.driftproof.collector.security.pki;

import io.quarkus.tls.runtime.TrustStoreAndTrustOptions;
import io.quarkus.tls.runtime.TrustStoreProvider;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * The default TLS configuration's trust store: the collector's CA. The handshake asks for a
 * client certificate issued by it but lets any through ({@link AcceptingClientTrustManager}); the
 * Report call then checks the certificate (signature, validity, serial, revocation) and refuses
 * with a status that says why, which a failed handshake cannot.
 */
@ApplicationScoped
public class PkiTrustStoreProvider implements TrustStoreProvider {

    private final CollectorPki pki;

    PkiTrustStoreProvider(CollectorPki pki) {
        this.pki = pki;
    }

    @Override
    public TrustStoreAndTrustOptions getTrustStore(Vertx vertx) {
        X509Certificate ca = pki.caCertificate();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("driftproof-ca", ca);
            return new TrustStoreAndTrustOptions(store, TrustOptions.wrap(new AcceptingClientTrustManager(ca)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store: " + e.getMessage(), e);
        }
    }
}
