package io.driftproof.agent;

import io.driftproof.agent.collect.deb.DebPackagesCollector;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.run.RunningAgent;
import io.driftproof.agent.run.SnapshotSender;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.agent.state.AgentStatus;
import io.driftproof.agent.testing.Await;
import io.driftproof.agent.testing.Fixtures;
import io.driftproof.agent.testing.HostTree;
import io.driftproof.agent.testing.RecordingCollector;
import io.driftproof.agent.testing.TestServer;
import io.driftproof.agent.testing.TreeCollector;
import io.driftproof.agent.transport.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.driftproof.agent.testing.DeliveryChecks.assertEveryDeltaOnceInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The delivery guarantees with the agent's own classes in this JVM (a test collector reads the
 * fake host) against a real gRPC server: outages, lost acks, agent restarts and a Resync.
 */
class DeliveryTest {

    @TempDir
    Path root;
    @TempDir
    Path stateDir;

    private HostTree tree;
    private final List<Throwable> agentFailures = new CopyOnWriteArrayList<>();
    private RunningAgent running;

    @BeforeEach
    void hostTree() throws IOException {
        tree = new HostTree(root);
        tree.write("/etc/a.conf", "a1\n");
        tree.write("/etc/b.conf", "b1\n");
        tree.write("/etc/sub/c.conf", "c1\n");
        tree.write("/var/lib/dbus/machine-id", "0123456789abcdef\n");
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (running != null) {
            running.stop(Duration.ofSeconds(30));
        }
        assertThat(agentFailures).isEmpty();
    }

    private static Backoff fastBackoff() {
        return new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, 0.2, new Random());
    }

    private static SnapshotTaker taker() {
        return new SnapshotTaker(List.of(new TreeCollector()));
    }

    private void startAgent(AgentConfig config) {
        startAgent(config, taker());
    }

    private void startAgent(AgentConfig config, SnapshotTaker taker) {
        running = new RunningAgent(config, taker, fastBackoff(), Clock.systemUTC());
        RunningAgent agent = running;
        Thread thread = new Thread(() -> {
            try {
                agent.run();
            } catch (Exception e) {
                agentFailures.add(e);
            }
        }, "agent-under-test");
        thread.start();
    }

    private void stopAgent(Duration timeout) throws InterruptedException {
        assertThat(running.stop(timeout)).isTrue();
        running = null;
    }

    private AgentStatus status() {
        try {
            return AgentStatus.read(stateDir, 1 << 29);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitInSync(RecordingCollector collector) throws InterruptedException {
        Await.until("the collector's view to equal the host tree with nothing pending",
                () -> tree.matches(collector) && status().pendingDeltas() == 0 && !status().fullPending(),
                () -> "collector " + HostTree.regularFiles(collector.items()) + " tree " + tree.files() + " " + status());
    }

    /** Changes the tree and waits until the agent spooled a delta for it (the collector being down). */
    private void changeWhileDown(ThrowingRunnable change) throws Exception {
        int before = status().pendingDeltas();
        change.run();
        Await.until("the change to be spooled", () -> status().pendingDeltas() > before, () -> status().toString());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void everyChangeArrivesOnceInOrderThroughOutagesRestartsAndResync() throws Exception {
        RecordingCollector collector = new RecordingCollector();
        try (TestServer server = TestServer.start(collector)) {
            AgentConfig config = Fixtures.config(root, stateDir, server.target());
            startAgent(config);
            awaitInSync(collector);
            assertThat(collector.applied().get(0).full()).isTrue();
            assertThat(collector.clockReplies()).isPositive();

            tree.write("/etc/a.conf", "a2\n");
            awaitInSync(collector);

            // The collector applies a delta, then dies before its ack leaves.
            collector.holdAcks(true);
            tree.write("/etc/b.conf", "b2\n");
            Await.until("the collector to apply the change", () -> tree.matches(collector));
            server.kill();
            collector.holdAcks(false);

            // Changes while the collector is down go to the spool, including a new directory.
            changeWhileDown(() -> tree.write("/etc/sub/d.conf", "d1\n"));
            changeWhileDown(() -> tree.delete("/etc/a.conf"));
            changeWhileDown(() -> tree.write("/etc/newdir/e.conf", "e1\n"));
            changeWhileDown(() -> tree.write("/etc/newdir/f.conf", "f1\n"));

            server.restart();
            awaitInSync(collector);
            assertThat(collector.contentDeliveries().values()).as("deliveries per content hash").containsOnly(1);

            // The agent stops with nothing pending, the host changes meanwhile, the agent comes back.
            stopAgent(Duration.ofSeconds(30));
            tree.write("/etc/b.conf", "b3\n");
            startAgent(config);
            awaitInSync(collector);

            // The collector disagrees and asks for a full snapshot.
            long before = collector.lastSeq();
            collector.resyncNext();
            tree.write("/etc/sub/c.conf", "c2\n");
            Await.until("a full snapshot after the Resync",
                    () -> collector.applied().stream().anyMatch(a -> a.full() && a.seq() > before));
            awaitInSync(collector);
            RecordingCollector.Applied full = collector.applied().stream().filter(a -> a.full() && a.seq() > before)
                    .findFirst().orElseThrow();
            assertThat(full.changes()).isEqualTo(tree.files().size());
            assertThat(full.contents()).isEqualTo(tree.files().size());
        }
        assertEveryDeltaOnceInOrder(collector);
    }

    @Test
    void snapshotSendReturnsOnlyOnceTheCollectorAcknowledged() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AgentConfig unreachable = Fixtures.config(root, stateDir, "127.0.0.1:" + port);
        SnapshotSender failing = new SnapshotSender(unreachable, taker(), Clock.systemUTC());

        assertThatThrownBy(() -> failing.send(Duration.ofSeconds(2)))
                .isInstanceOf(SnapshotSender.DeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("1 delta(s) stay spooled");
        assertThat(status().pendingDeltas()).isEqualTo(1);

        RecordingCollector collector = new RecordingCollector();
        try (TestServer server = TestServer.start(collector)) {
            tree.write("/etc/a.conf", "a2\n");
            AgentConfig config = Fixtures.config(root, stateDir, server.target());

            new SnapshotSender(config, taker(), Clock.systemUTC()).send(Duration.ofSeconds(60));

            assertThat(tree.matches(collector)).isTrue();
            assertThat(status().pendingDeltas()).isZero();
            assertThat(collector.applied()).extracting(RecordingCollector.Applied::seq).containsExactly(1L, 2L);

            // Nothing changed: no delta, but the agent still reported in.
            int hellos = collector.hellos();
            new SnapshotSender(config, taker(), Clock.systemUTC()).send(Duration.ofSeconds(60));
            assertThat(collector.hellos()).isEqualTo(hellos + 1);
            assertThat(collector.applied()).hasSize(2);
        }
        assertEveryDeltaOnceInOrder(collector);
    }

    @Test
    void collectorThatLostTheHostGetsAFullSnapshot() throws Exception {
        RecordingCollector first = new RecordingCollector();
        try (TestServer server = TestServer.start(first)) {
            new SnapshotSender(Fixtures.config(root, stateDir, server.target()), taker(), Clock.systemUTC()).send(Duration.ofSeconds(60));
        }
        // A new collector database that knows nothing of this host.
        RecordingCollector fresh = new RecordingCollector();
        try (TestServer server = TestServer.start(fresh)) {
            new SnapshotSender(Fixtures.config(root, stateDir, server.target()), taker(), Clock.systemUTC()).send(Duration.ofSeconds(60));

            assertThat(fresh.applied()).hasSize(1);
            assertThat(fresh.applied().get(0).full()).isTrue();
            assertThat(fresh.applied().get(0).seq()).isEqualTo(2);
            assertThat(tree.matches(fresh)).isTrue();
        }
    }

    @Test
    void aPackageInstallIsReportedByTheWatcherNotOnlyByThePeriodicScan() throws Exception {
        tree.write("/var/lib/dpkg/status", dpkgStatus("openssl", "3.0.13-1"));
        RecordingCollector collector = new RecordingCollector();
        try (TestServer server = TestServer.start(collector)) {
            startAgent(Fixtures.config(root, stateDir, server.target(), "full-scan-interval", "PT24H"),
                    new SnapshotTaker(List.of(new TreeCollector(), new DebPackagesCollector())));
            Await.until("the first snapshot", () -> collector.items().containsKey("PACKAGE openssl:amd64"));

            tree.write("/var/lib/dpkg/status", dpkgStatus("openssl", "3.0.15-1") + "\n" + dpkgStatus("nginx", "1.22.1-9"));
            Await.until("the upgrade and the install, long before the next full scan",
                    () -> collector.items().containsKey("PACKAGE nginx:amd64")
                            && collector.items().get("PACKAGE openssl:amd64").getPackage().getVersion().equals("3.0.15-1"));
        }
        assertEveryDeltaOnceInOrder(collector);
    }

    private static String dpkgStatus(String name, String version) {
        return "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + version + "\n";
    }
}
