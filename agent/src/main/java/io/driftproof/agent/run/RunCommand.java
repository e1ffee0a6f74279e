package io.driftproof.agent.run;

import io.driftproof.agent.AgentVersion;
import io.driftproof.agent.Main;
import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.snapshot.HostIdentity;
import io.driftproof.agent.snapshot.SnapshotCommand;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.agent.state.AgentState;
import io.driftproof.agent.state.StateListener;
import io.driftproof.agent.transport.Backoff;
import io.driftproof.agent.transport.ChannelSecurity;
import io.driftproof.agent.transport.CollectorChannel;
import io.driftproof.proto.v1.HostInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code run}: the agent as a service. Scans when watched files change and every full-scan
 * interval, spools each delta, and delivers the spool on a thread of its own, so scanning never
 * waits for the network. SIGTERM stops it cleanly; what is spooled stays spooled.
 */
public final class RunCommand implements AgentCommand {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());
    static final Duration DEBOUNCE = Duration.ofMillis(500);
    static final Duration MAX_SCAN_DELAY = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run as a service: watch the host, spool every change, deliver it to the collector";
    }

    @Override
    public int run(CommandLine line) throws Exception {
        AgentConfig config = new ConfigLoader().load(line.settings());
        String target = SnapshotSender.collectorTarget(config, "run");
        ChannelSecurity security = ChannelSecurity.of(config);
        SnapshotTaker taker = new SnapshotTaker(SnapshotCommand.enabledCollectors(config));
        HostRoot root = HostRoot.of(config.root());
        HostInfo host = HostIdentity.read(root);
        Clock clock = Clock.systemUTC();
        CountDownLatch stoppedCleanly = new CountDownLatch(1);
        ScanRequests requests = new ScanRequests(DEBOUNCE, MAX_SCAN_DELAY, config.fullScanInterval());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requests.stop();
            try {
                stoppedCleanly.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "driftproof-shutdown"));
        try (AgentState state = AgentState.open(config.stateDir(), config.spoolLimit());
             CollectorChannel channel = new CollectorChannel(target, security, state, host, clock, Backoff.standard(),
                     requests::scanNow);
             FileWatcher watcher = FileWatcher.start(root, config.paths(), requests::fileChanged)) {
            state.setListener(new StateListener() {
                @Override
                public void deltaSpooled(long seq) {
                    channel.wake();
                }

                @Override
                public void spoolSpaceFreed() {
                    requests.scanNow();
                }
            });
            channel.start();
            LOG.info("driftproof agent " + AgentVersion.get() + " running for host " + host.getHostname()
                    + " (" + host.getHostId() + "): collector " + target + ", watching " + watcher.watchedDirectories()
                    + " directories, full scan every " + config.fullScanInterval());
            Scanner scanner = new Scanner(taker, config, root, host, state, clock);
            while (requests.awaitScan()) {
                try {
                    scanner.scan();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "scan failed: " + e.getMessage() + "; retrying at the next trigger", e);
                }
            }
            LOG.info("stopping; " + state.status().pendingDeltas() + " undelivered delta(s) stay spooled");
        } finally {
            stoppedCleanly.countDown();
        }
        return Main.EXIT_OK;
    }
}
