package io.driftproof.agent;

import io.driftproof.agent.testing.AgentProcess;
import io.driftproof.agent.testing.EnrollingCollector;
import io.driftproof.agent.testing.HostTree;
import io.driftproof.agent.testing.RecordingCollector;
import io.driftproof.agent.testing.TestCa;
import io.driftproof.agent.testing.TlsTestServer;
import io.driftproof.proto.EnrollmentToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test of enrollment: the real agent jar enrolls against a real TLS gRPC server in this
 * JVM that signs its CSR with a test CA, then delivers a snapshot over mTLS; a wrong pin, a
 * refused token and a collector with another CA are refused with one line.
 */
class EnrollIT {

    private static final String HOST_ID = "0123456789abcdef";
    private static final String PIN_MISMATCH = "driftproof-agent: enroll failed: the collector's CA does not match the "
            + "token: possible interception; check the collector address";

    private static TestCa ca;
    private static TestCa otherCa;

    @TempDir
    Path work;

    private Path root;
    private Path stateDir;
    private HostTree tree;
    private AgentProcess agent;
    private EnrollmentToken token;
    private RecordingCollector reports;
    private EnrollingCollector collector;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCa.create("driftproof test CA");
        otherCa = TestCa.create("another CA");
    }

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(work.resolve("host"));
        stateDir = work.resolve("state");
        tree = new HostTree(root);
        tree.write("/etc/a.conf", "a1\n");
        tree.write("/var/lib/dbus/machine-id", HOST_ID + "\n");
        agent = AgentProcess.locate(work);
        token = EnrollmentToken.create(ca.certificate().getEncoded(), new SecureRandom());
        reports = new RecordingCollector();
        collector = new EnrollingCollector(ca, token, reports);
    }

    private TlsTestServer server() throws Exception {
        return TlsTestServer.start(ca.server(), ca.certificate(), ca.certificate(), collector);
    }

    private AgentProcess.Result enroll(String target, String tokenText, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("enroll", "--collector", target, "--token", tokenText,
                "--root", root.toString(), "--state-dir", stateDir.toString()));
        args.addAll(List.of(more));
        return agent.run(args.toArray(String[]::new));
    }

    private AgentProcess.Result send(String target, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("snapshot", "--send", "--collector", target, "--root", root.toString(),
                "--state-dir", stateDir.toString(), "--collectors", agent.collectorId(), "--path", "/etc/**"));
        args.addAll(List.of(more));
        return agent.run(args.toArray(String[]::new));
    }

    private static List<String> errorLines(AgentProcess.Result result) {
        return result.stderr().lines().filter(l -> l.startsWith("driftproof-agent:")).toList();
    }

    private void assertNothingStored() {
        for (String f : List.of("client.key", "client.crt", "ca.crt")) {
            assertThat(stateDir.resolve(f)).doesNotExist();
        }
    }

    @Test
    void enrollsThenDeliversOverMutualTls() throws Exception {
        try (TlsTestServer server = server()) {
            AgentProcess.Result enrolled = enroll(server.target(), token.encoded());
            assertThat(enrolled.exitCode()).as(enrolled.stderr()).isZero();
            assertThat(enrolled.stdout()).contains("enrolled with collector " + server.target())
                    .contains("subject CN=" + HOST_ID);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("client.key"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir))).isEqualTo("rwx------");
            assertThat(server.calls()).singleElement().satisfies(c -> assertThat(c.clientSubject()).isEmpty());

            AgentProcess.Result again = enroll(server.target(), token.encoded());
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(errorLines(again)).singleElement().asString().contains("already enrolled").contains("--force");

            AgentProcess.Result sent = send(server.target());
            assertThat(sent.exitCode()).as(sent.stderr()).isZero();
            assertThat(tree.matches(reports)).isTrue();
            assertThat(server.authenticatedCalls()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.clientSubject()).contains("CN=" + HOST_ID));

            AgentProcess.Result plaintext = send(server.target(), "--plaintext=true");
            assertThat(plaintext.exitCode()).isEqualTo(2);
            assertThat(errorLines(plaintext)).singleElement().asString().contains("plaintext=true, but this host is enrolled");

            AgentProcess.Result forced = enroll(server.target(), token.encoded(), "--force");
            assertThat(forced.exitCode()).as(forced.stderr()).isZero();
            assertThat(collector.enrollments()).containsExactly(HOST_ID, HOST_ID);
        }

        AgentProcess.Result status = agent.run("status", "--state-dir", stateDir.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).containsPattern("client-certificate: subject CN=" + HOST_ID
                + ", serial [0-9a-f]+, expires \\S+Z \\(in 89 days\\)");
    }

    @Test
    void aCollectorWithAnotherCaIsRefusedAfterEnrollment() throws Exception {
        try (TlsTestServer server = server()) {
            assertThat(enroll(server.target(), token.encoded()).exitCode()).isZero();
        }
        tree.write("/etc/a.conf", "a2\n");
        try (TlsTestServer impostor = TlsTestServer.start(otherCa.server(), otherCa.certificate(), otherCa.certificate(),
                collector)) {
            AgentProcess.Result sent = send(impostor.target(), "--timeout", "5");

            assertThat(sent.exitCode()).isEqualTo(1);
            assertThat(errorLines(sent)).singleElement().asString().contains("did not acknowledge").contains("stay spooled");
            assertThat(impostor.authenticatedCalls()).isEmpty();
            assertThat(reports.applied()).isEmpty();
        }
    }

    @Test
    void aWrongPinIsRefusedBeforeTheTokenLeavesTheHost() throws Exception {
        EnrollmentToken pinsOther = EnrollmentToken.create(otherCa.certificate().getEncoded(), new SecureRandom());
        try (TlsTestServer server = server()) {
            AgentProcess.Result result = enroll(server.target(), pinsOther.encoded());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(errorLines(result)).containsExactly(PIN_MISMATCH);
            assertThat(collector.enrollments()).isEmpty();
        }
        assertNothingStored();
    }

    @Test
    void aRefusedTokenShowsTheCollectorsReason() throws Exception {
        EnrollmentToken guessed = EnrollmentToken.create(ca.certificate().getEncoded(), new SecureRandom());
        try (TlsTestServer server = server()) {
            AgentProcess.Result result = enroll(server.target(), guessed.encoded());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(errorLines(result)).containsExactly("driftproof-agent: enroll failed: the collector refused the "
                    + "enrollment: PERMISSION_DENIED: enrollment token unknown, used or expired");
        }
        assertNothingStored();
    }

    @Test
    void aMalformedTokenIsABadUsage() throws Exception {
        AgentProcess.Result result = enroll("127.0.0.1:9", "dpe1.tooshort." + token.encoded().split("\\.")[2]);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).isEqualTo("driftproof-agent: token: the token's secret must be 16 to 64 "
                + "bytes (128 bits or more), got 6");
    }
}
