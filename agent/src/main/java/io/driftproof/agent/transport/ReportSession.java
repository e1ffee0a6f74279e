package io.driftproof.agent.transport;

import io.driftproof.agent.AgentVersion;
import io.driftproof.agent.delta.ProtoTime;
import io.driftproof.agent.spool.DeltaReader;
import io.driftproof.agent.spool.SpoolEntry;
import io.driftproof.agent.state.AgentState;
import io.driftproof.proto.v1.Ack;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.ClockProbe;
import io.driftproof.proto.v1.ClockReply;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Resync;
import io.driftproof.proto.v1.Welcome;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One Report stream. The agent says Hello, follows the collector's Welcome, answers ClockProbes
 * at once, and sends the spooled deltas in seq order, a few in flight, each read from its spool
 * file a message at a time under gRPC flow control. Acks delete spool files; a Resync drops them
 * and asks for a full snapshot.
 *
 * <p>gRPC callbacks only queue events; one thread (the one in {@link #run}) handles them and is
 * the only one writing to the stream.
 */
final class ReportSession implements ClientResponseObserver<AgentMessage, CollectorMessage> {

    private static final Logger LOG = Logger.getLogger(ReportSession.class.getName());
    /** Deltas sent and not yet acknowledged. */
    static final int WINDOW = 4;
    static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(30);

    /** How a session ended: whether the collector welcomed it, and if it failed, why. */
    record Result(boolean welcomed, String error) {
    }

    /** What the session's thread is told. */
    private sealed interface Event permits Received, Ready, Wake, Closed, Stop {
    }

    private record Received(CollectorMessage message, Instant at) implements Event {
    }

    private record Ready() implements Event {
    }

    private record Wake() implements Event {
    }

    private record Closed(String why) implements Event {
    }

    private record Stop() implements Event {
    }

    /** Callbacks to the channel that runs the session. */
    interface Listener {
        void welcomed();

        void progressed();

        void fullSnapshotNeeded();
    }

    /** The delta being sent: its spool entry, file and the changes sent so far. */
    private static final class Sending {
        final SpoolEntry entry;
        final DeltaReader reader;
        int changes;

        Sending(SpoolEntry entry, DeltaReader reader) {
            this.entry = entry;
            this.reader = reader;
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AgentServiceGrpc.AgentServiceStub stub;
    private final AgentState state;
    private final HostInfo host;
    private final Clock clock;
    private final String target;
    private final Listener listener;
    private final NavigableMap<Long, Integer> inFlight = new TreeMap<>();
    private ClientCallStreamObserver<AgentMessage> stream;
    private Sending sending;
    private long sentThrough;
    private boolean welcomed;

    ReportSession(AgentServiceGrpc.AgentServiceStub stub, AgentState state, HostInfo host, Clock clock, String target,
                  Listener listener) {
        this.stub = stub;
        this.state = state;
        this.host = host;
        this.clock = clock;
        this.target = target;
        this.listener = listener;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
        this.stream = requestStream;
        requestStream.setOnReadyHandler(() -> events.add(new Ready()));
    }

    @Override
    public void onNext(CollectorMessage message) {
        events.add(new Received(message, clock.instant()));
    }

    @Override
    public void onError(Throwable t) {
        events.add(new Closed(StatusText.of(t)));
    }

    @Override
    public void onCompleted() {
        events.add(new Closed("the collector closed the stream"));
    }

    /** A new delta is spooled. */
    void wake() {
        events.add(new Wake());
    }

    /** Ends the session from another thread: the stream is half-closed, undelivered deltas stay spooled. */
    void stop() {
        events.add(new Stop());
    }

    /** Runs the stream until it ends; blocks. */
    Result run() {
        stub.report(this);
        send(AgentMessage.newBuilder().setHello(Hello.newBuilder()
                .setHost(host)
                .setAgentVersion(AgentVersion.get())
                .setLastAckedSeq(state.marks().ackedSeq())
                .setAgentTime(ProtoTime.of(clock.instant()))).build());
        Instant welcomeBy = clock.instant().plus(WELCOME_TIMEOUT);
        try {
            while (true) {
                Event event = welcomed ? events.take()
                        : events.poll(Math.max(0, Duration.between(clock.instant(), welcomeBy).toMillis()), TimeUnit.MILLISECONDS);
                if (event == null) {
                    stream.cancel("no Welcome", null);
                    return new Result(false, "no Welcome within " + WELCOME_TIMEOUT.toSeconds() + " s");
                }
                if (event instanceof Closed closed) {
                    return new Result(welcomed, closed.why());
                }
                if (event instanceof Stop) {
                    stream.onCompleted();
                    return new Result(welcomed, "stopped");
                }
                if (event instanceof Received received) {
                    handle(received);
                }
                pump();
                listener.progressed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.cancel("agent interrupted", e);
            return new Result(welcomed, "interrupted");
        } catch (IOException | RuntimeException e) {
            stream.cancel("agent failure", e);
            return new Result(welcomed, "agent failure: " + e.getMessage());
        } finally {
            closeSending();
        }
    }

    private void handle(Received received) throws IOException {
        CollectorMessage m = received.message();
        switch (m.getBodyCase()) {
            case WELCOME -> welcome(m.getWelcome());
            case CLOCK_PROBE -> clockReply(m.getClockProbe(), received.at());
            case ACK -> ack(m.getAck());
            case RESYNC -> resync(m.getResync());
            case BODY_NOT_SET -> LOG.fine("ignoring a collector message of a newer protocol revision");
        }
    }

    private void welcome(Welcome welcome) throws IOException {
        if (welcomed) {
            LOG.warning("collector sent a second Welcome; ignored");
            return;
        }
        WelcomeDecision decision = WelcomeDecision.decide(welcome, state.marks(), state.pending());
        if (decision.ackThrough() > 0) {
            state.ack(decision.ackThrough());
            LOG.info("collector already has the deltas up to seq " + decision.ackThrough());
        }
        if (decision.fullSnapshot()) {
            state.resync(decision.seqFloor(), decision.reason());
            listener.fullSnapshotNeeded();
        }
        welcomed = true;
        LOG.info("connected to collector " + target + " (collector at seq " + welcome.getLastSeq() + ", "
                + state.pending().size() + " delta(s) to deliver)");
        listener.welcomed();
    }

    private void clockReply(ClockProbe probe, Instant receivedAt) {
        send(AgentMessage.newBuilder().setClockReply(ClockReply.newBuilder()
                .setProbeId(probe.getProbeId())
                .setAgentTime(ProtoTime.of(receivedAt))).build());
    }

    private void ack(Ack ack) throws IOException {
        state.ack(ack.getSeq());
        Map<Long, Integer> delivered = inFlight.headMap(ack.getSeq(), true);
        delivered.forEach((seq, changes) -> LOG.info("delivered delta seq=" + seq + " (" + changes + " changes)"
                + (ack.getDuplicate() ? ", the collector already had it" : "")));
        delivered.clear();
    }

    private void resync(Resync resync) throws IOException {
        state.resync(resync.getLastSeq(), "collector asked: " + resync.getReason());
        inFlight.clear();
        closeSending();
        listener.fullSnapshotNeeded();
    }

    /** Sends spooled deltas while the stream accepts more and the window has room. */
    private void pump() throws IOException {
        while (welcomed && stream.isReady()) {
            if (sending == null) {
                Optional<SpoolEntry> next = inFlight.size() < WINDOW ? state.pendingAfter(sentThrough) : Optional.empty();
                if (next.isEmpty()) {
                    return;
                }
                sending = new Sending(next.get(), state.read(next.get()));
            }
            Optional<Delta> part;
            try {
                part = sending.reader.next();
            } catch (IOException e) {
                spoolDamaged(e.getMessage());
                continue;
            }
            if (part.isEmpty()) {
                spoolDamaged("spool file " + sending.entry.file() + " ends before the delta's last part");
                continue;
            }
            send(AgentMessage.newBuilder().setDelta(part.get()).build());
            sending.changes += part.get().getChangesCount();
            if (!part.get().getMore()) {
                inFlight.put(sending.entry.seq(), sending.changes);
                sentThrough = sending.entry.seq();
                closeSending();
            }
        }
    }

    /** A spooled delta cannot be read: it can never be delivered, so the collector gets a full snapshot instead. */
    private void spoolDamaged(String why) throws IOException {
        closeSending();
        inFlight.clear();
        state.resync(0, why);
        listener.fullSnapshotNeeded();
    }

    private void closeSending() {
        if (sending != null) {
            try {
                sending.reader.close();
            } catch (IOException e) {
                LOG.fine("closing a spool file: " + e.getMessage());
            }
            sending = null;
        }
    }

    private void send(AgentMessage message) {
        stream.onNext(message);
    }
}
