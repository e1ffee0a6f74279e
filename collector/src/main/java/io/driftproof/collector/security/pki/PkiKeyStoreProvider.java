package io.driftproof.collector.security.pki;

import io.quarkus.tls.runtime.KeyStoreAndKeyCertOptions;
import io.quarkus.tls.runtime.KeyStoreProvider;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import jakarta.enterprise.context.ApplicationScoped;

/** The default TLS configuration's key store: the server certificate followed by the CA certificate. */
@ApplicationScoped
public class PkiKeyStoreProvider implements KeyStoreProvider {

    private final CollectorPki pki;

    PkiKeyStoreProvider(CollectorPki pki) {
        this.pki = pki;
    }

    @Override
    public KeyStoreAndKeyCertOptions getKeyStore(Vertx vertx) {
        CollectorPki.Material material = pki.material();
        PemKeyCertOptions options = new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(Pem.encode(material.serverChain().toArray())))
                .addKeyValue(Buffer.buffer(Pem.encode(material.serverKey())));
        try {
            return new KeyStoreAndKeyCertOptions(options.loadKeyStore(vertx), options);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the collector's server certificate: " + e.getMessage(), e);
        }
    }
}
