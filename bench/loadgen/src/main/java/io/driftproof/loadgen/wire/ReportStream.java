package io.driftproof.loadgen.wire;

import io.driftproof.agent.delta.ProtoTime;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.ClockProbe;
import io.driftproof.proto.v1.ClockReply;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.Welcome;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Report stream of a simulated agent, the client side of the protocol without the agent's
 * spool: Hello, the collector's Welcome, ClockProbes answered at once, and one delta at a time,
 * answered by an Ack or a Resync. Callbacks arrive on gRPC threads; sends are serialised here.
 */
final class ReportStream implements ClientResponseObserver<AgentMessage, CollectorMessage> {

    private final Clock clock;
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private ClientCallStreamObserver<AgentMessage> requests;
    private CompletableFuture<CollectorMessage> answer;
    private Throwable ended;

    private ReportStream(Clock clock) {
        this.clock = clock;
    }

    /** Opens the stream and says Hello; the Welcome completes {@link #welcome()}. */
    static ReportStream open(AgentServiceGrpc.AgentServiceStub stub, Hello hello, Clock clock) {
        ReportStream stream = new ReportStream(clock);
        stub.report(stream);
        stream.send(AgentMessage.newBuilder().setHello(hello).build());
        return stream;
    }

    CompletableFuture<Welcome> welcome() {
        return welcome;
    }

    /** Sends the parts of one delta; completes with the collector's Ack or Resync. */
    synchronized CompletableFuture<CollectorMessage> deliver(List<Delta> parts) {
        if (answer != null) {
            throw new IllegalStateException("a delta is already waiting for its answer");
        }
        CompletableFuture<CollectorMessage> pending = new CompletableFuture<>();
        if (ended != null) {
            pending.completeExceptionally(ended);
            return pending;
        }
        answer = pending;
        parts.forEach(p -> send(AgentMessage.newBuilder().setDelta(p).build()));
        return pending;
    }

    /** Half-closes the stream, as an agent that stops does. */
    synchronized void close() {
        if (ended == null) {
            ended = new IllegalStateException("stream closed by the agent");
            requests.onCompleted();
        }
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
        this.requests = requestStream;
    }

    @Override
    public void onNext(CollectorMessage message) {
        switch (message.getBodyCase()) {
            case WELCOME -> welcome.complete(message.getWelcome());
            case CLOCK_PROBE -> reply(message.getClockProbe());
            case ACK, RESYNC -> answered(message);
            case BODY_NOT_SET -> { }
        }
    }

    @Override
    public void onError(Throwable t) {
        end(t);
    }

    @Override
    public void onCompleted() {
        end(new IllegalStateException("the collector closed the stream"));
    }

    private void reply(ClockProbe probe) {
        send(AgentMessage.newBuilder().setClockReply(ClockReply.newBuilder()
                .setProbeId(probe.getProbeId()).setAgentTime(ProtoTime.of(clock.instant()))).build());
    }

    private void answered(CollectorMessage message) {
        CompletableFuture<CollectorMessage> pending;
        synchronized (this) {
            pending = answer;
            answer = null;
        }
        if (pending != null) {
            pending.complete(message);
        }
    }

    private void end(Throwable why) {
        CompletableFuture<CollectorMessage> pending;
        synchronized (this) {
            ended = why;
            pending = answer;
            answer = null;
        }
        welcome.completeExceptionally(why);
        if (pending != null) {
            pending.completeExceptionally(why);
        }
    }

    private synchronized void send(AgentMessage message) {
        if (ended == null) {
            requests.onNext(message);
        }
    }
}
