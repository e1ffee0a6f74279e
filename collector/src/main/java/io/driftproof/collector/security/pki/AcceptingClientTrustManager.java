package io.driftproof.collector.security.pki;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Server-side trust manager: names the collector's CA in the certificate request and accepts any
 * client certificate the peer proves it holds the key of. Whether the certificate counts is
 * decided per call by the agent authenticator; the REST API does not use client certificates.
 */
final class AcceptingClientTrustManager implements X509TrustManager {

    private final X509Certificate ca;

    AcceptingClientTrustManager(X509Certificate ca) {
        this.ca = ca;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // checked per call by the agent authenticator
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the collector's TLS server configuration does not verify servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {ca};
    }
}
