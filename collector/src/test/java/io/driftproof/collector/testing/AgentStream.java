package io.driftproof.collector.testing;

import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.ClockProbe;
import io.driftproof.proto.v1.ClockReply;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Welcome;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** One Report stream to the collector over a real channel. Clock probes are answered at once,
 * as the agent does (unless {@link #holdClockProbes held}); everything else is queued for the test
 * to inspect. */
public final class AgentStream implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;

    private final ManagedChannel channel;
    private final StreamObserver<AgentMessage> requests;
    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private final Supplier<Instant> agentClock;
    private final HostInfo host;
    private final AtomicInteger clockProbes = new AtomicInteger();
    private volatile boolean answerClockProbes = true;

    AgentStream(int port, HostInfo host, Supplier<Instant> agentClock) {
        this(NettyChannelBuilder.forAddress("localhost", port).usePlaintext().maxInboundMessageSize(64 << 20).build(),
                host, agentClock);
    }

    /** A stream over the given channel (e.g. mTLS, {@link AgentTls}); closing the stream shuts it down. */
    AgentStream(ManagedChannel channel, HostInfo host, Supplier<Instant> agentClock) {
        this.host = host;
        this.agentClock = agentClock;
        this.channel = channel;
        this.requests = AgentServiceGrpc.newStub(channel).report(new StreamObserver<>() {
            @Override
            public void onNext(CollectorMessage message) {
                if (message.hasClockProbe()) {
                    clockProbes.incrementAndGet();
                }
                if (message.hasClockProbe() && answerClockProbes) {
                    answer(message.getClockProbe());
                } else {
                    replies.add(message);
                }
            }

            @Override
            public void onError(Throwable t) {
                replies.add(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                replies.add(Status.OK);
            }
        });
    }

    public Welcome hello() {
        send(AgentMessage.newBuilder().setHello(Hello.newBuilder().setHost(host).setAgentVersion("0.1.0-test")
                .setAgentTime(Items.timestamp(agentClock.get()))).build());
        return reply().getWelcome();
    }

    /** How many ClockProbes the collector has sent on this stream so far. */
    public int clockProbes() {
        return clockProbes.get();
    }

    /** From now on ClockProbes are queued as replies instead of being answered ({@link #answer}). */
    public void holdClockProbes() {
        answerClockProbes = false;
    }

    /** Answers the probe with the agent's clock. */
    public void answer(ClockProbe probe) {
        send(AgentMessage.newBuilder().setClockReply(ClockReply.newBuilder().setProbeId(probe.getProbeId())
                .setAgentTime(Items.timestamp(agentClock.get()))).build());
    }

    /** Sends a delta (or one part of it) without waiting. */
    public void sendPart(Delta delta) {
        send(AgentMessage.newBuilder().setDelta(delta).build());
    }

    /** Sends a complete delta and returns the collector's Ack or Resync. */
    public CollectorMessage send(Delta delta) {
        sendPart(delta);
        return reply();
    }

    public synchronized void send(AgentMessage message) {
        requests.onNext(message);
    }

    public CollectorMessage reply() {
        Object next = take();
        if (next instanceof Status status) {
            throw new AssertionError("expected a reply, the stream ended with " + status);
        }
        return (CollectorMessage) next;
    }

    /** The status that ended the stream. */
    public Status failure() {
        Object next = take();
        if (next instanceof CollectorMessage message) {
            throw new AssertionError("expected the stream to fail, got " + message);
        }
        return (Status) next;
    }

    private Object take() {
        try {
            Object next = replies.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no answer from the collector within " + WAIT_SECONDS + " s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                requests.onCompleted();
            }
        } catch (IllegalStateException alreadyClosed) {
            // the collector closed the stream first
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
