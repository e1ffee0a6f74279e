package io.driftproof.collector.enrollment;

import io.driftproof.collector.e2e.AgentJar;
import io.driftproof.collector.e2e.FakeHost;
import io.driftproof.collector.security.pki.CertificateIssuer;
import io.driftproof.collector.security.pki.CollectorPki;
import io.driftproof.collector.security.pki.Pem;
import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.AgentStream;
import io.driftproof.collector.testing.AgentTls;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.Rows;
import io.driftproof.collector.testing.TestAgent;
import io.driftproof.collector.testing.TestClock;
import io.driftproof.proto.EnrollmentToken;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.EnrollResponse;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.HostInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Agent enrollment and mTLS against a collector that refuses plaintext agents: the real agent jar
 * end to end, and every way a caller without the right credential is refused with a clear status
 * while nothing is stored. Runs once per database.
 */
public abstract class AgentSecurity extends CollectorTest {

    @TestHTTPResource(value = "/", tls = true)
    URL tlsRoot;

    @Inject
    CollectorPki pki;

    @Inject
    TestClock clock;

    @TempDir
    Path work;

    private final CertificateIssuer issuer = new CertificateIssuer(new SecureRandom());

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRealAgentEnrollsAndReportsOverMutualTls() throws Exception {
        FakeHost host = new FakeHost(Files.createDirectories(work.resolve("host")))
                .dpkg("openssl", "3.0.13-1~deb12u1")
                .write("/etc/hosts", "127.0.0.1 localhost\n");
        Path state = work.resolve("state");
        AgentJar agent = AgentJar.tls(tlsPort());

        AgentJar.Result enrolled = agent.enroll(host, state, token(List.of("cui", "web")));
        assertThat(enrolled.exitCode()).as(enrolled.output()).isZero();
        assertThat(state.resolve("client.crt")).isRegularFile();
        JsonPath recorded = Actor.ADMIN.get("/api/v1/hosts/{id}", host.hostId()).statusCode(200).extract().jsonPath();
        assertThat(recorded.getList("tags")).containsExactly("cui", "web");

        agent.send(host, state);
        assertThat(Actor.ADMIN.get("/api/v1/hosts/{id}/items?kind=PACKAGE", host.hostId()).statusCode(200)
                .extract().jsonPath().getList("items.key")).containsExactly("openssl:amd64");

        Actor.ADMIN.post("/api/v1/hosts/{id}/certificate/revoke", Map.of(), host.hostId()).statusCode(200);
        Rows.Counts before = rows.count();
        host.write("/etc/hosts", "127.0.0.1 localhost\n10.0.0.9 intruder\n");
        AgentJar.Result refused = agent.trySend(host, state);
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("UNAUTHENTICATED").contains("revoked");
        assertThat(rows.count()).isEqualTo(before);
    }

    @Test
    void anEnrolledAgentReportsForItsOwnHostOnly() {
        TestAgent agent = newAgent();
        Enrolled enrolled = enroll(agent);
        Rows.Counts before = rows.count();
        try (AgentStream stream = agent.open(enrolled.channel())) {
            stream.hello();
            assertThat(agent.deliver(stream, agent.put(Items.pkg("bash", "5.2")).fullSnapshot()).hasAck()).isTrue();
        }
        assertThat(rows.count().items()).isEqualTo(before.items() + 1);

        TestAgent impostor = new TestAgent(port(), "host-" + UUID.randomUUID());
        Rows.Counts beforeImpostor = rows.count();
        try (AgentStream stream = impostor.open(enrolled.channel())) {
            stream.send(AgentMessage.newBuilder().setHello(
                    Hello.newBuilder().setHost(impostor.host())).build());
            Status status = stream.failure();
            assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(status.getDescription()).contains(agent.hostId()).contains(impostor.hostId());
        }
        assertThat(rows.count()).isEqualTo(beforeImpostor);
        Actor.ADMIN.get("/api/v1/hosts/{id}", impostor.hostId()).statusCode(404);
    }

    @Test
    void callersWithoutAValidCertificateAreRefused() {
        TestAgent agent = newAgent();
        Enrolled enrolled = enroll(agent);
        Rows.Counts before = rows.count();

        assertRefused(agent, agent.open(), Status.Code.UNAUTHENTICATED, "plaintext");
        assertRefused(agent, agent.open(AgentTls.channel(tlsPort(), pki.caCertificate(), null, null)),
                Status.Code.UNAUTHENTICATED, "client certificate is required");

        KeyPair otherCaKey = issuer.newKeyPair();
        X509Certificate otherCa = issuer.ca(otherCaKey, "another CA", Instant.now());
        X509Certificate foreign = issuer.client(otherCa, otherCaKey.getPrivate(), enrolled.key().getPublic(),
                agent.hostId(), Instant.now(), Duration.ofDays(1));
        assertRefused(agent, agent.open(AgentTls.channel(tlsPort(), pki.caCertificate(), enrolled.key(), foreign)),
                Status.Code.UNAUTHENTICATED, "not issued by this collector's CA");

        CollectorPki.Material ca = pki.material();
        X509Certificate expired = issuer.client(ca.ca(), ca.caKey(), enrolled.key().getPublic(), agent.hostId(),
                Instant.now().minus(Duration.ofDays(3)), Duration.ofDays(1));
        assertRefused(agent, agent.open(AgentTls.channel(tlsPort(), pki.caCertificate(), enrolled.key(), expired)),
                Status.Code.UNAUTHENTICATED, "expired");

        X509Certificate unrecorded = issuer.client(ca.ca(), ca.caKey(), enrolled.key().getPublic(), agent.hostId(),
                Instant.now(), Duration.ofDays(1));
        assertRefused(agent, agent.open(AgentTls.channel(tlsPort(), pki.caCertificate(), enrolled.key(), unrecorded)),
                Status.Code.UNAUTHENTICATED, "not on record");

        assertThat(rows.count()).isEqualTo(before);
    }

    @Test
    void revocationClosesOpenStreamsAndRefusesNewOnes() {
        TestAgent agent = newAgent();
        Enrolled enrolled = enroll(agent);
        try (AgentStream open = agent.open(enrolled.channel())) {
            open.hello();
            Actor.create("op", "IMPLEMENTER").post("/api/v1/hosts/{id}/certificate/revoke", Map.of(), agent.hostId())
                    .statusCode(403);
            Actor.ADMIN.post("/api/v1/hosts/{id}/certificate/revoke", Map.of(), agent.hostId()).statusCode(200)
                    .body("revokedSerials.size()", is(1));
            Status closed = open.failure();
            assertThat(closed.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(closed.getDescription()).contains("revoked");
        }
        Rows.Counts before = rows.count();
        assertRefused(agent, agent.open(enrolled.channel()), Status.Code.UNAUTHENTICATED, "revoked");
        assertThat(rows.count()).isEqualTo(before);
        Actor.ADMIN.post("/api/v1/hosts/{id}/certificate/revoke", Map.of(), "no-such-host").statusCode(404);
    }

    @Test
    void enrollmentTokensAreSingleUseExpireAndPinTheCa() throws Exception {
        TestAgent agent = newAgent();
        String token = token(List.of());
        KeyPair key = issuer.newKeyPair();

        StatusRuntimeException wrongSubject = enrollRefused(token, agent.host(), key, "someone-else");
        assertThat(wrongSubject.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(wrongSubject.getStatus().getDescription()).contains("CN=" + agent.hostId());

        EnrollResponse response = AgentTls.enroll(tlsPort(), pki.caCertificate(), token, agent.host(), key, agent.hostId());
        X509Certificate issued = Pem.certificates(response.getCertificatePem()).get(0);
        assertThat(issued.getSubjectX500Principal().getName()).isEqualTo("CN=" + agent.hostId());
        assertThat(issued.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(issued.getBasicConstraints()).isEqualTo(-1);
        assertThat(issued.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(issued.getNotBefore().toInstant()).isBefore(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(issued.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(Pem.certificates(response.getCaCertificatePem())).containsExactly(pki.caCertificate());
        assertThat(response.getHostId()).isEqualTo(agent.hostId());

        Rows.Counts before = rows.count();
        TestAgent second = newAgent();
        assertDenied(enrollRefused(token, second.host(), key, second.hostId()), "already used");

        String expiring = token(List.of());
        clock.advance(Duration.ofMinutes(61));
        assertDenied(enrollRefused(expiring, second.host(), key, second.hostId()), "expired");
        clock.reset();

        String unknown = EnrollmentToken.create(pki.caCertificateDer(), new SecureRandom()).encoded();
        assertDenied(enrollRefused(unknown, second.host(), key, second.hostId()), "unknown");
        String otherPin = EnrollmentToken.create("another CA".getBytes(), new SecureRandom()).encoded();
        assertDenied(enrollRefused(otherPin, second.host(), key, second.hostId()), "another CA");

        StatusRuntimeException malformed = enrollRefused("dpe1.not-a-token", second.host(), key, second.hostId());
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(rows.count()).isEqualTo(before);
    }

    @Test
    void aTokenUsedTwiceAtOnceEnrollsOneHost() throws Exception {
        String token = token(List.of());
        TestAgent first = newAgent();
        TestAgent second = newAgent();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Status.Code>> outcomes = pool.invokeAll(List.of(enrollCall(token, first), enrollCall(token, second)));
            List<Status.Code> codes = new ArrayList<>();
            for (Future<Status.Code> outcome : outcomes) {
                codes.add(outcome.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(Status.Code.OK, Status.Code.PERMISSION_DENIED);
        } finally {
            pool.shutdownNow();
        }
        long enrolled = List.of(first, second).stream()
                .filter(a -> Actor.ADMIN.get("/api/v1/hosts/{id}", a.hostId()).extract().statusCode() == 200).count();
        assertThat(enrolled).isEqualTo(1);
    }

    private Callable<Status.Code> enrollCall(String token, TestAgent agent) {
        KeyPair key = issuer.newKeyPair();
        return () -> {
            try {
                AgentTls.enroll(tlsPort(), pki.caCertificate(), token, agent.host(), key, agent.hostId());
                return Status.Code.OK;
            } catch (StatusRuntimeException e) {
                return e.getStatus().getCode();
            }
        };
    }

    @Test
    void theHandshakeSendsTheServerCertificateThenTheCaOverTls12AndTls13() throws Exception {
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new CapturingTrustManager()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", tlsPort())) {
                socket.setEnabledProtocols(new String[] {protocol});
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                assertThat(chain).hasSize(2);
                X509Certificate server = (X509Certificate) chain[0];
                assertThat(chain[1]).isEqualTo(pki.caCertificate());
                server.verify(pki.caCertificate().getPublicKey());
                assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
                assertThat(server.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1)))).contains("localhost", "127.0.0.1");
                assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            }
        }
        Path pkiDir = Path.of("target/test-data/pki");
        assertThat(Files.getPosixFilePermissions(pkiDir.resolve("ca.key"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(pkiDir.resolve("server.key"))).hasSize(2);
    }

    private record Enrolled(KeyPair key, X509Certificate certificate, int port, X509Certificate ca) {
        ManagedChannel channel() {
            return AgentTls.channel(port, ca, key, certificate);
        }
    }

    private Enrolled enroll(TestAgent agent) {
        KeyPair key = issuer.newKeyPair();
        EnrollResponse response = AgentTls.enroll(tlsPort(), pki.caCertificate(), token(List.of()), agent.host(), key,
                agent.hostId());
        return new Enrolled(key, Pem.certificates(response.getCertificatePem()).get(0), tlsPort(), pki.caCertificate());
    }

    private static String token(List<String> tags) {
        return Actor.ADMIN.post("/api/v1/enrollment-tokens", Map.of("ttlMinutes", 60, "tags", tags)).statusCode(201)
                .extract().jsonPath().getString("token");
    }

    private StatusRuntimeException enrollRefused(String token, HostInfo host, KeyPair key, String subject) {
        return catchThrowableOfType(StatusRuntimeException.class,
                () -> AgentTls.enroll(tlsPort(), pki.caCertificate(), token, host, key, subject));
    }

    private static void assertDenied(StatusRuntimeException refused, String reason) {
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains(reason);
    }

    private static void assertRefused(TestAgent agent, AgentStream stream, Status.Code code, String reason) {
        try (stream) {
            stream.send(AgentMessage.newBuilder().setHello(
                    Hello.newBuilder().setHost(agent.host())).build());
            Status status = stream.failure();
            assertThat(status.getCode()).as(status.toString()).isEqualTo(code);
            assertThat(status.getDescription()).contains(reason);
        }
    }

    private int tlsPort() {
        return tlsRoot.getPort();
    }

    /** Accepts any server: the test inspects the chain itself. */
    private static final class CapturingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
