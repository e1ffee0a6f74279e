package io.driftproof.agent;

import io.driftproof.agent.state.AgentStatus;
import io.driftproof.agent.testing.AgentProcess;
import io.driftproof.agent.testing.Await;
import io.driftproof.agent.testing.HostTree;
import io.driftproof.agent.testing.RecordingCollector;
import io.driftproof.agent.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.driftproof.agent.testing.DeliveryChecks.assertEveryDeltaOnceInOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test of delivery: the real agent jar in {@code run} mode, as its own process, against
 * a real gRPC server in this JVM. The collector dies mid-stream, the host changes meanwhile, the
 * agent is killed with SIGKILL holding undelivered deltas and comes back; every delta still
 * arrives exactly once and in order, and a Resync yields a full snapshot equal to the host tree.
 */
class DeliveryIT {

    @TempDir
    Path work;

    private Path root;
    private Path stateDir;
    private Path log;
    private HostTree tree;
    private AgentProcess agent;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(work.resolve("host"));
        stateDir = work.resolve("state");
        log = work.resolve("agent.log");
        tree = new HostTree(root);
        tree.write("/etc/a.conf", "a1\n");
        tree.write("/etc/b.conf", "b1\n");
        tree.write("/etc/sub/c.conf", "c1\n");
        tree.write("/var/lib/dbus/machine-id", "0123456789abcdef\n");
        agent = AgentProcess.locate(work);
    }

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process startAgent(String target) throws IOException {
        Process p = agent.start(log, "run", "--collector", target, "--plaintext=true", "--root", root.toString(),
                "--state-dir", stateDir.toString(), "--collectors", agent.collectorId(), "--path", "/etc/**");
        processes.add(p);
        return p;
    }

    private AgentStatus status() {
        try {
            return AgentStatus.read(stateDir, 1 << 29);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String diagnostics(RecordingCollector collector) {
        try {
            return "\ncollector: " + HostTree.regularFiles(collector.items()) + "\ntree: " + tree.files() + "\n" + status()
                    + "\nagent log:\n" + (Files.exists(log) ? Files.readString(log) : "");
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void awaitInSync(RecordingCollector collector) throws InterruptedException {
        Await.until("the collector's view to equal the host tree with nothing pending",
                () -> tree.matches(collector) && status().pendingDeltas() == 0 && !status().fullPending(),
                () -> diagnostics(collector));
    }

    private void changeWhileDown(RecordingCollector collector, String hostPath, String content) throws Exception {
        int before = status().pendingDeltas();
        tree.write(hostPath, content);
        Await.until("the change to " + hostPath + " to be spooled", () -> status().pendingDeltas() > before,
                () -> diagnostics(collector));
    }

    @Test
    void everyDeltaArrivesOnceInOrderAcrossCollectorOutageAndAgentKill() throws Exception {
        RecordingCollector collector = new RecordingCollector();
        try (TestServer server = TestServer.start(collector)) {
            Process first = startAgent(server.target());
            awaitInSync(collector);

            tree.write("/etc/a.conf", "a2\n");
            awaitInSync(collector);

            // The collector applies a delta and dies before acknowledging it.
            collector.holdAcks(true);
            tree.write("/etc/b.conf", "b2\n");
            Await.until("the collector to apply the change", () -> tree.matches(collector), () -> diagnostics(collector));
            server.kill();
            collector.holdAcks(false);

            changeWhileDown(collector, "/etc/sub/d.conf", "d1\n");
            changeWhileDown(collector, "/etc/newdir/e.conf", "e1\n");

            // SIGKILL with undelivered deltas in the spool; the host changes while the agent is dead.
            first.destroyForcibly();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(status().pendingDeltas()).isGreaterThanOrEqualTo(3);
            tree.write("/etc/sub/late.conf", "late\n");

            server.restart();
            Process second = startAgent(server.target());
            awaitInSync(collector);
            assertThat(collector.contentDeliveries().values()).as("deliveries per content hash").containsOnly(1);

            // The collector disagrees and asks for a full snapshot.
            long before = collector.lastSeq();
            collector.resyncNext();
            tree.write("/etc/sub/c.conf", "c2\n");
            Await.until("a full snapshot after the Resync",
                    () -> collector.applied().stream().anyMatch(a -> a.full() && a.seq() > before), () -> diagnostics(collector));
            awaitInSync(collector);
            RecordingCollector.Applied full = collector.applied().stream()
                    .filter(a -> a.full() && a.seq() > before).findFirst().orElseThrow();
            assertThat(full.changes()).isGreaterThanOrEqualTo(tree.files().size());

            // SIGTERM: a clean stop.
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("stopping; 0 undelivered delta(s) stay spooled");
        }
        assertEveryDeltaOnceInOrder(collector);
        assertThat(Files.readString(log)).contains("delivered delta seq=" + collector.lastSeq());

        AgentProcess.Result status = agent.run("status", "--state-dir", stateDir.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).contains("view.seq: " + collector.lastSeq())
                .contains("acked.seq: " + collector.lastSeq())
                .contains("spool.pending-deltas: 0")
                .contains("spool.full-events: 0");
    }

    @Test
    void snapshotSendExitsZeroOnlyAfterTheAckAndFailsInOneLineWhenUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String[] common = {"--plaintext=true", "--root", root.toString(), "--state-dir", stateDir.toString(),
                "--collectors", agent.collectorId()};

        AgentProcess.Result unreachable = agent.run(concat(new String[] {"snapshot", "--send", "--timeout", "3",
                "--collector", "127.0.0.1:" + port}, common));
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.stderr().lines().filter(l -> l.startsWith("driftproof-agent:")).toList())
                .singleElement().asString().contains("127.0.0.1:" + port).contains("stay spooled");

        RecordingCollector collector = new RecordingCollector();
        try (TestServer server = TestServer.start(collector)) {
            AgentProcess.Result sent = agent.run(concat(new String[] {"snapshot", "--send", "--collector", server.target()}, common));
            assertThat(sent.exitCode()).as(sent.stderr()).isZero();
            assertThat(tree.matches(collector)).isTrue();
            assertThat(status().pendingDeltas()).isZero();
        }

        AgentProcess.Result notEnrolled = agent.run("snapshot", "--send", "--collector", "127.0.0.1:" + port,
                "--root", root.toString(), "--state-dir", stateDir.toString());
        assertThat(notEnrolled.exitCode()).isEqualTo(2);
        assertThat(notEnrolled.stderr().strip()).doesNotContain("\n").contains("enroll").contains("--plaintext=true");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
