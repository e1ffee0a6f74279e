package io.driftproof.agent;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.enroll.Enroller;
import io.driftproof.agent.enroll.EnrollmentException;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.run.SnapshotSender;
import io.driftproof.agent.snapshot.HostIdentity;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.agent.state.StateDirectory;
import io.driftproof.agent.testing.EnrollingCollector;
import io.driftproof.agent.testing.Fixtures;
import io.driftproof.agent.testing.HostTree;
import io.driftproof.agent.testing.RecordingCollector;
import io.driftproof.agent.testing.TestCa;
import io.driftproof.agent.testing.TlsTestServer;
import io.driftproof.agent.testing.TreeCollector;
import io.driftproof.agent.tls.Pem;
import io.driftproof.agent.tls.TlsContexts;
import io.driftproof.agent.transport.ChannelSecurity;
import io.driftproof.proto.EnrollmentToken;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Hello;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enrollment and mTLS delivery with the agent's own classes in this JVM against a real TLS gRPC
 * server shaped like the collector: which TLS versions work, what a misbehaving collector's answer
 * leads to, and what the server does with a client that has no certificate.
 */
class MutualTlsTest {

    private static final String HOST_ID = "0123456789abcdef";

    private static TestCa ca;
    private static TestCa otherCa;
    private static TestCa.Issued serverIdentity;

    @TempDir
    Path root;
    @TempDir
    Path work;

    private Path stateDir;
    private HostTree tree;
    private EnrollmentToken token;
    private RecordingCollector reports;
    private EnrollingCollector collector;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCa.create("driftproof test CA");
        otherCa = TestCa.create("another CA");
        serverIdentity = ca.server();
    }

    @BeforeEach
    void host() throws Exception {
        stateDir = work.resolve("state");
        tree = new HostTree(root);
        tree.write("/etc/a.conf", "a1\n");
        tree.write("/var/lib/dbus/machine-id", HOST_ID + "\n");
        token = EnrollmentToken.create(ca.certificate().getEncoded(), new SecureRandom());
        reports = new RecordingCollector();
        collector = new EnrollingCollector(ca, token, reports);
    }

    private TlsTestServer server(String... protocols) throws Exception {
        return TlsTestServer.start(serverIdentity, ca.certificate(), ca.certificate(), collector, protocols);
    }

    private void enroll(String target, EnrollmentToken with) throws Exception {
        StateDirectory.createPrivate(stateDir);
        new Enroller(Clock.systemUTC()).enroll(target, with, HostIdentity.read(HostRoot.of(root)), stateDir);
    }

    private AgentConfig config(String target) {
        return Fixtures.config(root, stateDir, target, "plaintext", "false");
    }

    private void send(String target, Duration timeout) throws Exception {
        new SnapshotSender(config(target), new SnapshotTaker(List.of(new TreeCollector())), Clock.systemUTC()).send(timeout);
    }

    private void assertNothingStored() throws Exception {
        assertThat(Files.exists(stateDir.resolve("client.key"))).isFalse();
        assertThat(Files.exists(stateDir.resolve("client.crt"))).isFalse();
        assertThat(Files.exists(stateDir.resolve("ca.crt"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void enrollsThenDeliversWithItsClientCertificate(String protocol) throws Exception {
        try (TlsTestServer server = server(protocol)) {
            enroll(server.target(), token);
            send(server.target(), Duration.ofSeconds(60));

            assertThat(tree.matches(reports)).isTrue();
            assertThat(collector.enrollments()).containsExactly(HOST_ID);
            assertThat(server.calls()).allSatisfy(c -> assertThat(c.protocol()).isEqualTo(protocol));
            assertThat(server.authenticatedCalls()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.method()).isEqualTo("driftproof.v1.AgentService/Report");
                assertThat(c.clientSubject()).contains("CN=" + HOST_ID);
            });
        }
    }

    @Test
    void theTokenIsNeverSentToACollectorWithAnotherCa() throws Exception {
        EnrollmentToken pinsOther = EnrollmentToken.create(otherCa.certificate().getEncoded(), new SecureRandom());
        try (TlsTestServer server = server()) {
            assertThatThrownBy(() -> enroll(server.target(), pinsOther)).isInstanceOf(EnrollmentException.class)
                    .hasMessage("the collector's CA does not match the token: possible interception; check the collector address");
            assertThat(collector.enrollments()).isEmpty();
            assertNothingStored();
        }
    }

    @Test
    void theCollectorsCertificateMustNameTheAddressUsed() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(ca.server("collector.example"), ca.certificate(), ca.certificate(),
                collector)) {
            assertThatThrownBy(() -> enroll(server.target(), token)).isInstanceOf(EnrollmentException.class)
                    .hasMessageContaining("cannot reach the collector at " + server.target() + " securely")
                    .hasMessageContaining("hostname");
            assertThat(collector.enrollments()).isEmpty();
            assertNothingStored();
        }
    }

    @Test
    void aRefusedTokenShowsTheCollectorsReason() throws Exception {
        EnrollmentToken guessed = EnrollmentToken.create(ca.certificate().getEncoded(), new SecureRandom());
        try (TlsTestServer server = server()) {
            assertThatThrownBy(() -> enroll(server.target(), guessed)).isInstanceOf(EnrollmentException.class)
                    .hasMessage("the collector refused the enrollment: PERMISSION_DENIED: enrollment token unknown, used or expired");
            assertNothingStored();
        }
    }

    @Test
    void anAnswerWithAnotherCaIsAPinMismatch() throws Exception {
        collector.alter(r -> r.toBuilder().setCaCertificatePem(pem(otherCa)).build());
        try (TlsTestServer server = server()) {
            assertThatThrownBy(() -> enroll(server.target(), token)).hasMessageContaining("possible interception");
            assertNothingStored();
        }
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        String foreign = Pem.certificate(ca.client(HOST_ID).certificate());
        collector.alter(r -> r.toBuilder().setCertificatePem(foreign).build());
        try (TlsTestServer server = server()) {
            assertThatThrownBy(() -> enroll(server.target(), token))
                    .hasMessage("the collector's certificate is not for the key this host just generated");
            assertNothingStored();
        }
    }

    @Test
    void aHostIdOtherThanThisHostsIsRefused() throws Exception {
        collector.alter(r -> r.toBuilder().setHostId("somebody-else").build());
        try (TlsTestServer server = server()) {
            assertThatThrownBy(() -> enroll(server.target(), token)).hasMessageContaining("but this host is CN=" + HOST_ID);
            assertNothingStored();
        }
    }

    @Test
    void afterEnrollmentACollectorWithAnotherCaIsNotTrusted() throws Exception {
        try (TlsTestServer server = server()) {
            enroll(server.target(), token);
        }
        try (TlsTestServer impostor = TlsTestServer.start(otherCa.server(), otherCa.certificate(), ca.certificate(), collector)) {
            assertThatThrownBy(() -> send(impostor.target(), Duration.ofSeconds(3)))
                    .isInstanceOf(SnapshotSender.DeliveryException.class)
                    .hasMessageContaining("UNAVAILABLE");
            assertThat(impostor.authenticatedCalls()).isEmpty();
            assertThat(reports.applied()).isEmpty();
        }
    }

    @Test
    void theServerRefusesReportsWithoutAClientCertificate() throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        SSLContext noClientCertificate = SSLContext.getInstance("TLS");
        noClientCertificate.init(null, trust.getTrustManagers(), null);
        try (TlsTestServer server = server()) {
            ManagedChannel channel = TlsContexts.channel(server.target(), noClientCertificate).build();
            try {
                CompletableFuture<Throwable> failed = new CompletableFuture<>();
                StreamObserver<AgentMessage> stream = AgentServiceGrpc.newStub(channel).report(new StreamObserver<>() {
                    @Override
                    public void onNext(CollectorMessage value) {
                        failed.completeExceptionally(new AssertionError("the server answered: " + value));
                    }

                    @Override
                    public void onError(Throwable t) {
                        failed.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                        failed.completeExceptionally(new AssertionError("the server completed the stream"));
                    }
                });
                stream.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setHost(Fixtures.HOST)).build());

                assertThat(Status.fromThrowable(failed.get(30, TimeUnit.SECONDS)).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            } finally {
                channel.shutdownNow();
            }
            assertThat(reports.hellos()).isZero();
        }
    }

    @Test
    void plaintextOnAnEnrolledHostIsRefused() throws Exception {
        try (TlsTestServer server = server()) {
            enroll(server.target(), token);
        }

        assertThatThrownBy(() -> ChannelSecurity.of(Fixtures.config(root, stateDir, "127.0.0.1:9")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("plaintext=true, but this host is enrolled");
    }

    private static String pem(TestCa authority) {
        try {
            return Pem.certificate(authority.certificate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
