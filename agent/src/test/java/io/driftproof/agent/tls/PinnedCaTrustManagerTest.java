package io.driftproof.agent.tls;

import io.driftproof.agent.testing.TestCa;
import io.driftproof.proto.EnrollmentToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinnedCaTrustManagerTest {

    /** What the JDK passes for a TLS 1.2 ECDHE handshake with an EC server key. */
    private static final String AUTH_TYPE = "ECDHE_ECDSA";

    private static TestCa ca;
    private static TestCa otherCa;
    private static EnrollmentToken token;

    @BeforeAll
    static void cas() throws Exception {
        ca = TestCa.create("driftproof test CA");
        otherCa = TestCa.create("another CA");
        token = EnrollmentToken.create(ca.certificate().getEncoded(), new SecureRandom());
    }

    private static X509Certificate[] chain(X509Certificate... certificates) {
        return certificates;
    }

    @Test
    void aServerCertificateFromThePinnedCaIsTrusted() throws Exception {
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);

        assertThatCode(() -> trust.checkServerTrusted(chain(ca.server().certificate(), ca.certificate()), AUTH_TYPE))
                .doesNotThrowAnyException();
        assertThat(trust.sawPinMismatch()).isFalse();
    }

    @Test
    void aChainFromAnotherCaIsRefusedAsAPinMismatch() throws Exception {
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);

        assertThatThrownBy(() -> trust.checkServerTrusted(chain(otherCa.server().certificate(), otherCa.certificate()), AUTH_TYPE))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("does not contain the CA pinned");
        assertThat(trust.sawPinMismatch()).isTrue();
    }

    @Test
    void aSelfSignedLeafIsRefusedAsAPinMismatch() throws Exception {
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);

        assertThatThrownBy(() -> trust.checkServerTrusted(chain(TestCa.selfSignedServer().certificate()), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        assertThat(trust.sawPinMismatch()).isTrue();
    }

    @Test
    void theCaCertificateAloneProvesNothing() throws Exception {
        // The CA certificate is public: an impostor can append it to its own self-signed leaf.
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);

        assertThatThrownBy(() -> trust.checkServerTrusted(chain(TestCa.selfSignedServer().certificate(), ca.certificate()),
                AUTH_TYPE)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(otherCa.server().certificate(), ca.certificate()),
                AUTH_TYPE)).isInstanceOf(CertificateException.class);
    }

    @Test
    void anAgentsClientCertificateCannotActAsTheCollector() throws Exception {
        // Same CA, but extended key usage clientAuth only: a compromised agent cannot impersonate the collector.
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);

        assertThatThrownBy(() -> trust.checkServerTrusted(chain(ca.client("some-host").certificate(), ca.certificate()),
                AUTH_TYPE)).isInstanceOf(CertificateException.class).hasMessageContaining("TLS server authentication");
        assertThat(trust.sawPinMismatch()).isFalse();
    }

    @Test
    void anExpiredServerCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired = ca.server(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))).certificate();

        assertThatThrownBy(() -> new PinnedCaTrustManager(token).checkServerTrusted(chain(expired, ca.certificate()), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void clientsAreNeverTrusted() throws Exception {
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);

        assertThatThrownBy(() -> trust.checkClientTrusted(chain(ca.client("x").certificate(), ca.certificate()), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        assertThat(trust.getAcceptedIssuers()).isEmpty();
    }
}
