package io.driftproof.agent.run;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.snapshot.HostIdentity;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.agent.state.AgentState;
import io.driftproof.agent.state.RecordResult;
import io.driftproof.agent.state.StateListener;
import io.driftproof.agent.transport.Backoff;
import io.driftproof.agent.transport.ChannelSecurity;
import io.driftproof.agent.transport.CollectorChannel;
import io.driftproof.proto.v1.HostInfo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code snapshot --send}: one scan, its delta spooled, then everything pending delivered. Returns
 * only once the collector has acknowledged it all; fails after the timeout, leaving the spool for
 * the next attempt.
 */
public final class SnapshotSender {

    private final AgentConfig config;
    private final SnapshotTaker taker;
    private final Clock clock;

    public SnapshotSender(AgentConfig config, SnapshotTaker taker, Clock clock) {
        this.config = config;
        this.taker = taker;
        this.clock = clock;
    }

    /** The configured collector address, required by {@code command}. */
    static String collectorTarget(AgentConfig config, String command) {
        return config.collector().orElseThrow(() -> new ConfigException(command + " needs --collector HOST:PORT"));
    }

    /**
     * @throws DeliveryException when not everything was acknowledged within {@code timeout}
     */
    public void send(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        String target = collectorTarget(config, "snapshot --send");
        ChannelSecurity security = ChannelSecurity.of(config);
        security.checkCertificate(clock.instant());
        HostRoot root = HostRoot.of(config.root());
        HostInfo host = HostIdentity.read(root);
        try (AgentState state = AgentState.open(config.stateDir(), config.spoolLimit());
             CollectorChannel channel = new CollectorChannel(target, security, state, host, clock, Backoff.standard(), () -> { })) {
            Scanner scanner = new Scanner(taker, config, root, host, state, clock);
            state.setListener(new StateListener() {
                @Override
                public void deltaSpooled(long seq) {
                    channel.wake();
                }
            });
            RecordResult recorded = scanner.scan();
            boolean rescanned = false;
            channel.start();
            while (true) {
                switch (channel.awaitSettled(deadline)) {
                    case FULL_SCAN_NEEDED -> recorded = scanner.scan();
                    case TIMED_OUT -> throw new DeliveryException("collector " + target + " did not acknowledge within "
                            + timeout.toSeconds() + " s (" + channel.lastError() + "); " + state.pending().size()
                            + " delta(s) stay spooled for the next attempt");
                    case SETTLED -> {
                        if (recorded.outcome() != RecordResult.Outcome.SPOOL_FULL) {
                            return;
                        }
                        if (rescanned) {
                            throw new DeliveryException(recorded.message());
                        }
                        // Delivering the backlog freed the spool: the held-back change fits now.
                        rescanned = true;
                        recorded = scanner.scan();
                    }
                }
            }
        }
    }

    /** Delivery did not complete. */
    public static final class DeliveryException extends IOException {
        DeliveryException(String message) {
            super(message);
        }
    }
}
