package io.driftproof.loadgen.wire;

import io.driftproof.agent.AgentVersion;
import io.driftproof.agent.delta.ProtoTime;
import io.driftproof.loadgen.fleet.DeltaPlans;
import io.driftproof.loadgen.fleet.PlannedDelta;
import io.driftproof.loadgen.fleet.SimulatedHost;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.Welcome;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The agent of one simulated host: its Report stream and what the collector acknowledged. Like the
 * real agent it follows the collector's lead: a Welcome that does not match what it acknowledged,
 * or a Resync, makes its next report a full snapshot numbered above the collector's seq. One
 * report at a time (each waits for its answer); the host's changes are made by the caller.
 */
public final class SimulatedAgent {

    private final SimulatedHost host;
    private final AgentServiceGrpc.AgentServiceStub stub;
    private final Clock clock;
    private ReportStream stream;
    private long ackedSeq;
    private byte[] ackedDigest = new byte[0];
    private boolean fullPending = true;
    private long seqFloor;
    private Instant lastScan;

    public SimulatedAgent(SimulatedHost host, AgentServiceGrpc.AgentServiceStub stub, Clock clock) {
        this.host = host;
        this.stub = stub;
        this.clock = clock;
    }

    public SimulatedHost host() {
        return host;
    }

    /** Opens the Report stream; completes with the collector's Welcome. */
    public CompletableFuture<Void> connect() {
        stream = ReportStream.open(stub, Hello.newBuilder().setHost(host.info()).setAgentVersion(AgentVersion.get())
                .setLastAckedSeq(ackedSeq).setAgentTime(ProtoTime.of(clock.instant())).build(), clock);
        return stream.welcome().thenAccept(this::welcomed);
    }

    /** A scan that found nothing changed: no delta, but the next delta's changes happened after it. */
    public void scannedUnchanged(Instant at) {
        lastScan = at;
    }

    /** Reports the whole item set. */
    public CompletableFuture<Delivery> reportFull() {
        long seq = Math.max(ackedSeq, seqFloor) + 1;
        PlannedDelta plan = DeltaPlans.full(host, seq, clock.instant());
        return send(plan).thenApply(sent -> {
            if (!sent.answer().hasAck()) {
                throw new IllegalStateException("the full snapshot seq " + seq + " of host " + host.id()
                        + " was answered by a Resync: " + sent.answer().getResync().getReason());
            }
            return acked(plan, sent);
        });
    }

    /**
     * Reports the items the caller just changed on the host, as seen by a scan now: an incremental
     * delta, or a full snapshot when the collector wants one.
     *
     * @param changed item indexes
     */
    public CompletableFuture<Delivery> reportChanges(List<Integer> changed) {
        if (fullPending || lastScan == null) {
            return reportFull();
        }
        PlannedDelta plan = DeltaPlans.incremental(host, ackedSeq + 1, ackedSeq, clock.instant(), lastScan, changed);
        return send(plan).thenCompose(sent -> {
            if (sent.answer().hasAck()) {
                return CompletableFuture.completedFuture(acked(plan, sent));
            }
            fullPending = true;
            seqFloor = Math.max(seqFloor, sent.answer().getResync().getLastSeq());
            Delivery first = Delivery.of(plan, sent.bytes());
            return reportFull().thenApply(full -> full.after(first));
        });
    }

    public void close() {
        if (stream != null) {
            stream.close();
        }
    }

    private void welcomed(Welcome welcome) {
        boolean inStep = ackedSeq > 0 && welcome.getLastSeq() == ackedSeq
                && Arrays.equals(welcome.getManifestDigest().toByteArray(), ackedDigest);
        if (!inStep) {
            fullPending = true;
            seqFloor = Math.max(seqFloor, welcome.getLastSeq());
        }
    }

    private record Sent(CollectorMessage answer, long bytes) {
    }

    private CompletableFuture<Sent> send(PlannedDelta plan) {
        List<Delta> parts = plan.parts();
        long bytes = parts.stream().mapToLong(Delta::getSerializedSize).sum();
        return stream.deliver(parts).thenApply(answer -> new Sent(answer, bytes));
    }

    private Delivery acked(PlannedDelta plan, Sent sent) {
        ackedSeq = plan.seq();
        ackedDigest = plan.manifestDigest();
        fullPending = false;
        lastScan = plan.observedAt();
        return Delivery.of(plan, sent.bytes());
    }
}
