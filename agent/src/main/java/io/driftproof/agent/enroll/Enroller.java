package io.driftproof.agent.enroll;

import com.google.protobuf.ByteString;
import io.driftproof.agent.tls.Enrollment;
import io.driftproof.agent.tls.Pem;
import io.driftproof.agent.tls.PinnedCaTrustManager;
import io.driftproof.agent.tls.TlsContexts;
import io.driftproof.agent.transport.StatusText;
import io.driftproof.proto.EnrollmentToken;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.EnrollRequest;
import io.driftproof.proto.v1.EnrollResponse;
import io.driftproof.proto.v1.HostInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Enrolls this host: a new EC P-256 key pair (the private key never leaves the host), a CSR for
 * {@code CN=<host id>}, the Enroll call to a collector trusted by the token's CA pin, checks of
 * what comes back, and only then the enrollment files in the state directory.
 */
public final class Enroller {

    static final String PIN_MISMATCH = "the collector's CA does not match the token: possible interception; "
            + "check the collector address";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;

    public Enroller(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param target   the collector, {@code HOST:PORT}; its certificate must name HOST
     * @param stateDir where the enrollment is stored (the caller holds its lock)
     * @return the stored enrollment
     * @throws EnrollmentException when the collector cannot be trusted or reached, refuses the
     *                             token, or answers with certificates that do not fit; nothing is stored then
     */
    public Enrollment enroll(String target, EnrollmentToken token, HostInfo host, Path stateDir)
            throws EnrollmentException, IOException, GeneralSecurityException {
        String hostId = host.getHostId();
        if (hostId.isEmpty()) {
            throw new EnrollmentException("this host has no machine id (/etc/machine-id): the host id is what the "
                    + "certificate names; create it with systemd-machine-id-setup");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        EnrollRequest request = EnrollRequest.newBuilder()
                .setToken(token.encoded())
                .setCsrDer(ByteString.copyFrom(Pkcs10.request(keys, hostId)))
                .setHost(host)
                .build();
        Enrollment enrollment = check(call(target, token, request), token, keys, hostId);
        enrollment.write(stateDir);
        return enrollment;
    }

    private static EnrollResponse call(String target, EnrollmentToken token, EnrollRequest request)
            throws EnrollmentException, GeneralSecurityException {
        PinnedCaTrustManager trust = new PinnedCaTrustManager(token);
        ManagedChannel channel = TlsContexts.channel(target, TlsContexts.pinned(trust)).build();
        try {
            return AgentServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .enroll(request);
        } catch (StatusRuntimeException e) {
            if (trust.sawPinMismatch()) {
                throw new EnrollmentException(PIN_MISMATCH);
            }
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                throw new EnrollmentException("cannot reach the collector at " + target + " securely: " + StatusText.of(e));
            }
            throw new EnrollmentException("the collector refused the enrollment: " + StatusText.of(e));
        } finally {
            channel.shutdownNow();
        }
    }

    /** The response must carry the pinned CA and a certificate for the new key and this host, issued by that CA. */
    private Enrollment check(EnrollResponse response, EnrollmentToken token, KeyPair keys, String hostId)
            throws EnrollmentException {
        X509Certificate ca = pinnedCa(response, token);
        X509Certificate certificate;
        try {
            certificate = Pem.certificate(response.getCertificatePem());
        } catch (GeneralSecurityException e) {
            throw new EnrollmentException("the collector's answer holds no usable client certificate: " + e.getMessage());
        }
        if (!Arrays.equals(certificate.getPublicKey().getEncoded(), keys.getPublic().getEncoded())) {
            throw new EnrollmentException("the collector's certificate is not for the key this host just generated");
        }
        if (!certificate.getSubjectX500Principal().equals(Pkcs10.subjectPrincipal(hostId))
                || !response.getHostId().equals(hostId)) {
            throw new EnrollmentException("the collector issued a certificate for " + certificate.getSubjectX500Principal()
                    + " (host id '" + response.getHostId() + "'), but this host is CN=" + hostId);
        }
        if (!clock.instant().isBefore(certificate.getNotAfter().toInstant())) {
            throw new EnrollmentException("the collector issued a certificate that expired at "
                    + certificate.getNotAfter().toInstant());
        }
        try {
            return Enrollment.of(keys.getPrivate(), certificate, ca);
        } catch (GeneralSecurityException e) {
            throw new EnrollmentException("the collector's answer does not fit together: " + e.getMessage());
        }
    }

    private static X509Certificate pinnedCa(EnrollResponse response, EnrollmentToken token) throws EnrollmentException {
        List<X509Certificate> offered;
        try {
            offered = Pem.certificates(response.getCaCertificatePem());
        } catch (GeneralSecurityException e) {
            throw new EnrollmentException("the collector's answer holds no usable CA certificate: " + e.getMessage());
        }
        for (X509Certificate c : offered) {
            try {
                if (token.pins(c.getEncoded())) {
                    return c;
                }
            } catch (GeneralSecurityException e) {
                throw new EnrollmentException("the collector's CA certificate cannot be encoded: " + e.getMessage());
            }
        }
        throw new EnrollmentException(PIN_MISMATCH);
    }
}
