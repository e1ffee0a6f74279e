package io.driftproof.agent.transport;

import io.driftproof.agent.state.AgentState;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.HostInfo;
import io.grpc.ManagedChannel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's one connection to the collector: owns the gRPC channel, runs one
 * {@link ReportSession} after another on its own thread, and waits between them with
 * exponential backoff (reset after a session the collector welcomed). Scanning never waits
 * for it: new deltas only wake it.
 */
public final class CollectorChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CollectorChannel.class.getName());

    /** Largest gRPC message either way; a delta part is about 1 MiB, a single large content more. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** Where delivery stands, for a caller waiting until everything is delivered. */
    public enum Progress {
        /** The collector welcomed the agent and acknowledged every spooled delta. */
        SETTLED,
        /** The collector wants a full snapshot: scan and record one. */
        FULL_SCAN_NEEDED,
        TIMED_OUT
    }

    private final String target;
    private final ManagedChannel channel;
    private final AgentServiceGrpc.AgentServiceStub stub;
    private final AgentState state;
    private final HostInfo host;
    private final Clock clock;
    private final Backoff backoff;
    private final Runnable fullSnapshotNeeded;
    private final Object monitor = new Object();
    private final Thread thread;
    private boolean stopped;
    private boolean welcomed;
    private String lastError = "not connected yet";
    private ReportSession session;

    /**
     * @param fullSnapshotNeeded called (on the channel's thread) when the collector wants a full snapshot
     */
    public CollectorChannel(String target, ChannelSecurity security, AgentState state, HostInfo host, Clock clock,
                            Backoff backoff, Runnable fullSnapshotNeeded) {
        this.target = target;
        this.channel = open(security, target);
        this.stub = stub(channel);
        this.state = state;
        this.host = host;
        this.clock = clock;
        this.backoff = backoff;
        this.fullSnapshotNeeded = fullSnapshotNeeded;
        this.thread = new Thread(this::loop, "driftproof-sender");
        this.thread.setDaemon(true);
    }

    /** A channel to the collector with the agent's message limits and keepalive. */
    public static ManagedChannel open(ChannelSecurity security, String target) {
        return security.builder(target)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                // Finds a dead connection under an idle stream; 5 min is what gRPC servers allow by default.
                .keepAliveTime(5, TimeUnit.MINUTES)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .build();
    }

    /** The Report stub the agent uses on such a channel. */
    public static AgentServiceGrpc.AgentServiceStub stub(ManagedChannel channel) {
        return AgentServiceGrpc.newStub(channel).withMaxOutboundMessageSize(MAX_MESSAGE_BYTES);
    }

    public void start() {
        thread.start();
    }

    /** A new delta is spooled. */
    public void wake() {
        synchronized (monitor) {
            if (session != null) {
                session.wake();
            }
        }
    }

    private void loop() {
        boolean outage = false;
        while (true) {
            ReportSession current = new ReportSession(stub, state, host, clock, target, new ReportSession.Listener() {
                @Override
                public void welcomed() {
                    synchronized (monitor) {
                        welcomed = true;
                    }
                }

                @Override
                public void progressed() {
                    synchronized (monitor) {
                        monitor.notifyAll();
                    }
                }

                @Override
                public void fullSnapshotNeeded() {
                    fullSnapshotNeeded.run();
                }
            });
            synchronized (monitor) {
                if (stopped) {
                    return;
                }
                session = current;
            }
            ReportSession.Result result = current.run();
            Duration delay;
            synchronized (monitor) {
                session = null;
                if (stopped) {
                    return;
                }
                if (result.welcomed()) {
                    backoff.reset();
                    outage = false;
                }
                lastError = result.error();
                delay = backoff.next();
                monitor.notifyAll();
            }
            LOG.log(outage ? Level.FINE : Level.WARNING, "collector " + target + ": " + result.error() + "; reconnecting in "
                    + delay.toMillis() / 1000.0 + " s, undelivered deltas stay spooled");
            outage = true;
            if (!pause(delay)) {
                return;
            }
            channel.resetConnectBackoff();
        }
    }

    /** Waits for the backoff delay; false if stopped meanwhile. */
    private boolean pause(Duration delay) {
        Instant until = clock.instant().plus(delay);
        synchronized (monitor) {
            try {
                for (long ms = delay.toMillis(); !stopped && ms > 0; ms = Duration.between(clock.instant(), until).toMillis()) {
                    monitor.wait(ms);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !stopped;
        }
    }

    /** Blocks until everything spooled is delivered, a full snapshot is wanted, or the deadline passes. */
    public Progress awaitSettled(Instant deadline) throws InterruptedException {
        synchronized (monitor) {
            while (true) {
                if (state.fullPending()) {
                    return Progress.FULL_SCAN_NEEDED;
                }
                if (welcomed && state.settled()) {
                    return Progress.SETTLED;
                }
                long ms = Duration.between(clock.instant(), deadline).toMillis();
                if (ms <= 0) {
                    return Progress.TIMED_OUT;
                }
                monitor.wait(ms);
            }
        }
    }

    /** Why the last session ended. */
    public String lastError() {
        synchronized (monitor) {
            return lastError;
        }
    }

    /** Ends the current session (undelivered deltas stay spooled) and closes the channel. */
    @Override
    public void close() throws InterruptedException {
        synchronized (monitor) {
            stopped = true;
            if (session != null) {
                session.stop();
            }
            monitor.notifyAll();
        }
        if (thread.isAlive()) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        channel.shutdown();
        if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }
}
