package io.driftproof.agent.run;

import io.driftproof.agent.AgentVersion;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.snapshot.HostIdentity;
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
 * The agent in continuous mode: scans when watched files change and every full-scan interval,
 * spools each delta, and delivers the spool on the channel's own thread, so scanning never waits
 * for the network. {@link #stop} ends it between scans; what is spooled stays spooled.
 */
public final class RunningAgent {

    private static final Logger LOG = Logger.getLogger(RunningAgent.class.getName());
    static final Duration DEBOUNCE = Duration.ofMillis(500);
    static final Duration MAX_SCAN_DELAY = Duration.ofSeconds(5);

    private final AgentConfig config;
    private final SnapshotTaker taker;
    private final Backoff backoff;
    private final Clock clock;
    private final String target;
    private final ChannelSecurity security;
    private final ScanRequests requests;
    private final CountDownLatch finished = new CountDownLatch(1);

    /** @throws io.driftproof.agent.config.ConfigException when no collector is configured or TLS is required but missing */
    public RunningAgent(AgentConfig config, SnapshotTaker taker, Backoff backoff, Clock clock) {
        this.config = config;
        this.taker = taker;
        this.backoff = backoff;
        this.clock = clock;
        this.target = SnapshotSender.collectorTarget(config, "run");
        this.security = ChannelSecurity.of(config);
        this.requests = new ScanRequests(DEBOUNCE, MAX_SCAN_DELAY, config.fullScanInterval());
    }

    /** Runs until {@link #stop}; blocks. */
    public void run() throws Exception {
        HostRoot root = HostRoot.of(config.root());
        HostInfo host = HostIdentity.read(root);
        try (AgentState state = AgentState.open(config.stateDir(), config.spoolLimit());
             CollectorChannel channel = new CollectorChannel(target, security, state, host, clock, backoff, requests::scanNow);
             FileWatcher watcher = FileWatcher.start(root, taker.watchPaths(config), requests::fileChanged)) {
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
                security.checkCertificate(clock.instant());
                try {
                    scanner.scan();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "scan failed: " + e.getMessage() + "; retrying at the next trigger", e);
                }
            }
            LOG.info("stopping; " + state.status().pendingDeltas() + " undelivered delta(s) stay spooled");
        } finally {
            finished.countDown();
        }
    }

    /** Asks {@link #run} to return after the scan in progress, and waits for it up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        requests.stop();
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
