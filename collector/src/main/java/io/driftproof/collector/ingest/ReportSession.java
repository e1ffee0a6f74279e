package io.driftproof.collector.ingest;

import io.driftproof.collector.common.ConflictRetry;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.proto.v1.Ack;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.ClockProbe;
import io.driftproof.proto.v1.ClockReply;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.Resync;
import io.driftproof.proto.v1.Welcome;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One Report stream: Hello first, then clock replies and deltas in any order. Refused messages
 * close the stream with INVALID_ARGUMENT through {@code onError}; a thrown status would never
 * reach the agent.
 */
final class ReportSession implements StreamObserver<AgentMessage> {

    private static final Logger LOG = Logger.getLogger(ReportSession.class);

    private final StreamObserver<CollectorMessage> responses;
    private final ReportSessions sessions;
    private final AgentIdentity identity;
    private final HostRegistry registry;
    private final DeltaValidator validator;
    private final DeltaIngest ingest;
    private final IngestMetrics metrics;
    private final ServerClock clock;
    private final DeltaAssembler assembler;

    private String hostId;
    private long probeId;
    /** When the outstanding ClockProbe was sent; null when none is outstanding (at most one is). */
    private Instant probeSentAt;
    /** When the last ClockProbe was sent, answered or not; null before the Hello. */
    private Instant lastProbeAt;
    /** The highest seq acknowledged on this stream: an agent never sends it again on the same stream. */
    private long lastAcked;
    private boolean closed;

    ReportSession(StreamObserver<CollectorMessage> responses, AgentIdentity identity, ReportSessions with) {
        this.responses = responses;
        this.sessions = with;
        this.identity = identity;
        this.registry = with.registry;
        this.validator = with.validator;
        this.ingest = with.ingest;
        this.metrics = with.metrics;
        this.clock = with.clock;
        this.assembler = new DeltaAssembler(with.config.ingest());
    }

    @Override
    public synchronized void onNext(AgentMessage message) {
        if (closed) {
            return;
        }
        try {
            switch (message.getBodyCase()) {
                case HELLO -> hello(message.getHello());
                case CLOCK_REPLY -> clockReply(message.getClockReply());
                case DELTA -> delta(message.getDelta());
                case BODY_NOT_SET -> throw new ProtocolViolation("message has no body");
            }
        } catch (ProtocolViolation e) {
            refuse(e);
        } catch (AgentRefused e) {
            deny(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "report stream of host %s failed", hostId);
            fail(Status.INTERNAL.withDescription("the collector could not process the message"));
        }
    }

    /** Closes the stream with INVALID_ARGUMENT naming the problem. */
    synchronized void refuse(ProtocolViolation violation) {
        if (closed) {
            return;
        }
        LOG.debugf("refused a message from host %s: %s", hostId, violation.getMessage());
        metrics.rejected();
        fail(Status.INVALID_ARGUMENT.withDescription(violation.getMessage()));
    }

    /** Closes the stream with the refusal's status (UNAUTHENTICATED, PERMISSION_DENIED). */
    synchronized void deny(AgentRefused refused) {
        if (closed) {
            return;
        }
        LOG.warnf("refused a report stream (host %s): %s", hostId, refused.getMessage());
        metrics.refused();
        fail(refused.status());
    }

    /** The host this stream reports for, null before the Hello and after the end. */
    synchronized String hostId() {
        return hostId;
    }

    @Override
    public synchronized void onError(Throwable t) {
        LOG.debugf("report stream of host %s ended by the agent: %s", hostId, t.getMessage());
        end();
    }

    @Override
    public synchronized void onCompleted() {
        if (!closed) {
            responses.onCompleted();
        }
        end();
    }

    private void hello(Hello hello) {
        if (hostId != null) {
            throw new ProtocolViolation("Hello may only be sent once per stream");
        }
        String id = identity.hostId(hello);
        Host host = ConflictRetry.run(() -> registry.hello(id, hello.getHost(), hello.getAgentVersion(), clock.now()));
        hostId = id;
        sessions.opened(this);
        metrics.streamOpened();
        Welcome.Builder welcome = Welcome.newBuilder().setLastSeq(host.lastSeq).setCollectorTime(timestamp(clock.now()));
        if (host.manifestDigest != null) {
            welcome.setManifestDigest(ByteString.copyFrom(HexFormat.of().parseHex(host.manifestDigest)));
        }
        responses.onNext(CollectorMessage.newBuilder().setWelcome(welcome).build());
        probe();
    }

    /**
     * Sends a new ClockProbe when the stream is open, no probe is outstanding and the last one was
     * sent at or before {@code dueAt}. Called by {@link ReportSessions#probeClocks} from the
     * scheduler's thread: like every write to {@code responses}, under this session's lock, so it
     * never runs concurrently with the stream's own answers (a StreamObserver is not thread-safe).
     *
     * @return whether a probe was sent
     */
    synchronized boolean probeIfDue(Instant dueAt) {
        if (closed || hostId == null || probeSentAt != null || lastProbeAt.isAfter(dueAt)) {
            return false;
        }
        probe();
        return true;
    }

    private void probe() {
        probeId++;
        probeSentAt = clock.preciseNow();
        lastProbeAt = probeSentAt;
        responses.onNext(CollectorMessage.newBuilder().setClockProbe(ClockProbe.newBuilder()
                .setProbeId(probeId).setCollectorTime(timestamp(probeSentAt))).build());
    }

    private void clockReply(ClockReply reply) {
        requireHello();
        if (probeSentAt == null || reply.getProbeId() != probeId) {
            throw new ProtocolViolation("ClockReply answers probe " + reply.getProbeId() + ", which is not outstanding");
        }
        Instant received = clock.preciseNow();
        ClockSkew skew = ClockSkew.measure(probeSentAt, received, ItemStates.instant(reply.getAgentTime()));
        probeSentAt = null;
        registry.recordClockSkew(hostId, skew);
    }

    private void delta(Delta part) {
        requireHello();
        identity.recheck();
        Optional<Delta> complete = assembler.add(part);
        if (complete.isEmpty()) {
            return;
        }
        Delta delta = complete.get();
        validator.validate(delta);
        if (delta.getSeq() <= lastAcked) {
            throw new ProtocolViolation("delta " + delta.getSeq() + " repeats or goes back: delta " + lastAcked
                    + " was already acknowledged on this stream");
        }
        Instant receivedAt = clock.now();
        IngestOutcome outcome = ConflictRetry.run(() -> ingest.apply(hostId, delta, receivedAt));
        CollectorMessage.Builder answer = CollectorMessage.newBuilder();
        if (outcome instanceof IngestOutcome.Applied applied) {
            if (applied.observedChanges() > 0) {
                // After the delta's transaction has ended: reconciliation runs in a transaction of its
                // own, and inside the delta's it would hold a second database connection while the
                // first is still held, which exhausts the pool when many hosts report at once.
                sessions.recorded.fire(new ObservedChangesRecorded(hostId, applied.seq()));
            }
            lastAcked = applied.seq();
            metrics.applied(applied, delta.getChangesCount(), Duration.between(applied.observedAt(), receivedAt));
            answer.setAck(Ack.newBuilder().setSeq(applied.seq()));
        } else if (outcome instanceof IngestOutcome.Duplicate duplicate) {
            lastAcked = Math.max(lastAcked, duplicate.seq());
            metrics.duplicate();
            answer.setAck(Ack.newBuilder().setSeq(duplicate.seq()).setDuplicate(true));
        } else if (outcome instanceof IngestOutcome.Resync resync) {
            LOG.infof("host %s: resync: %s", hostId, resync.reason());
            metrics.resync();
            answer.setResync(Resync.newBuilder().setReason(resync.reason()).setLastSeq(resync.lastSeq()));
        }
        responses.onNext(answer.build());
    }

    private void requireHello() {
        if (hostId == null) {
            throw new ProtocolViolation("the stream must start with a Hello");
        }
    }

    private void fail(Status status) {
        closed = true;
        responses.onError(status.asRuntimeException());
        end();
    }

    private void end() {
        closed = true;
        if (hostId != null) {
            sessions.closed(this);
            metrics.streamClosed();
            hostId = null;
        }
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
