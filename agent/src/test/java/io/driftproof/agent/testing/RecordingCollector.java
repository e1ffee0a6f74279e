package io.driftproof.agent.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.driftproof.agent.snapshot.ItemKeys;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Ack;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.AgentServiceGrpc;
import io.driftproof.proto.v1.ClockProbe;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.Resync;
import io.driftproof.proto.v1.Welcome;
import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A collector for tests: keeps one host's view by applying the deltas it receives, the way the
 * real collector must, and records what it saw. Checks the protocol as it goes (seq order, base,
 * manifest digest, item count) and lists every violation in {@link #violations()}. Its state
 * survives restarts of the gRPC server that serves it.
 */
public final class RecordingCollector extends AgentServiceGrpc.AgentServiceImplBase {

    /** One applied delta, all parts merged. */
    public record Applied(long seq, long baseSeq, boolean full, int changes, int contents, Timestamp previousObservedAt) {
    }

    private final SortedMap<String, Item> items = new TreeMap<>();
    private final Map<String, Integer> contentDeliveries = new HashMap<>();
    private final List<Applied> applied = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private ManifestDigest digest = ManifestDigest.empty();
    private long lastSeq;
    private int duplicates;
    private int hellos;
    private int clockReplies;
    private boolean holdAcks;
    private boolean resyncNext;

    @Override
    public StreamObserver<AgentMessage> report(StreamObserver<CollectorMessage> out) {
        return new StreamObserver<>() {
            private final List<Delta> parts = new ArrayList<>();

            @Override
            public void onNext(AgentMessage message) {
                switch (message.getBodyCase()) {
                    case HELLO -> {
                        out.onNext(welcome());
                        out.onNext(CollectorMessage.newBuilder().setClockProbe(ClockProbe.newBuilder().setProbeId(7)).build());
                    }
                    case CLOCK_REPLY -> clockReply();
                    case DELTA -> {
                        parts.add(message.getDelta());
                        if (!message.getDelta().getMore()) {
                            CollectorMessage answer = receive(List.copyOf(parts));
                            parts.clear();
                            if (answer != null) {
                                out.onNext(answer);
                            }
                        }
                    }
                    case BODY_NOT_SET -> violation("empty agent message");
                }
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                out.onCompleted();
            }
        };
    }

    private synchronized CollectorMessage welcome() {
        hellos++;
        return CollectorMessage.newBuilder().setWelcome(Welcome.newBuilder()
                .setLastSeq(lastSeq)
                .setManifestDigest(lastSeq == 0 ? ByteString.EMPTY : ByteString.copyFrom(digest.toBytes()))).build();
    }

    private synchronized void clockReply() {
        clockReplies++;
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }

    /** Applies a complete delta; returns the answer, or null while acks are held back. */
    private synchronized CollectorMessage receive(List<Delta> parts) {
        Delta first = parts.get(0);
        for (Delta p : parts) {
            if (p.getSeq() != first.getSeq() || p.getFull() != first.getFull() || p.getBaseSeq() != first.getBaseSeq()) {
                violations.add("parts of seq " + first.getSeq() + " disagree");
            }
        }
        if (first.getSeq() <= lastSeq) {
            duplicates++;
            return ack(first.getSeq(), true);
        }
        if (resyncNext) {
            resyncNext = false;
            return CollectorMessage.newBuilder().setResync(Resync.newBuilder().setReason("test").setLastSeq(lastSeq)).build();
        }
        if (!first.getFull() && (first.getBaseSeq() != lastSeq || first.getSeq() != lastSeq + 1)) {
            violations.add("delta seq " + first.getSeq() + " base " + first.getBaseSeq() + " after seq " + lastSeq);
            return CollectorMessage.newBuilder().setResync(Resync.newBuilder().setReason("gap").setLastSeq(lastSeq)).build();
        }
        if (first.getFull()) {
            items.clear();
            digest = ManifestDigest.empty();
        }
        int changes = 0;
        int contents = 0;
        for (Delta part : parts) {
            for (ItemChange change : part.getChangesList()) {
                changes++;
                Item before = change.hasUpsert() ? items.put(ItemKeys.of(change.getUpsert()), change.getUpsert())
                        : items.remove(ItemKeys.of(change.getRemoval()));
                if (before != null) {
                    digest.remove(before);
                }
                if (change.hasUpsert()) {
                    digest.add(change.getUpsert());
                }
            }
            for (Content content : part.getContentsList()) {
                contents++;
                contentDeliveries.merge(content.getSha256(), 1, Integer::sum);
            }
        }
        Delta last = parts.get(parts.size() - 1);
        if (!digest.matches(last.getManifestDigest().toByteArray()) || items.size() != last.getItemCount()) {
            violations.add("delta seq " + first.getSeq() + ": digest or item count differs from the collector's view");
        }
        lastSeq = first.getSeq();
        applied.add(new Applied(first.getSeq(), first.getBaseSeq(), first.getFull(), changes, contents,
                first.getPreviousObservedAt()));
        return holdAcks ? null : ack(first.getSeq(), false);
    }

    private static CollectorMessage ack(long seq, boolean duplicate) {
        return CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(seq).setDuplicate(duplicate)).build();
    }

    /** Apply deltas but send no acks (as if the acks were lost with the connection). */
    public synchronized void holdAcks(boolean hold) {
        holdAcks = hold;
    }

    /** Answer the next new delta with a Resync instead of applying it. */
    public synchronized void resyncNext() {
        resyncNext = true;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized List<Applied> applied() {
        return List.copyOf(applied);
    }

    public synchronized Map<String, Item> items() {
        return Map.copyOf(items);
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized int duplicates() {
        return duplicates;
    }

    public synchronized int hellos() {
        return hellos;
    }

    public synchronized int clockReplies() {
        return clockReplies;
    }

    /** How many times each content hash was delivered. */
    public synchronized Map<String, Integer> contentDeliveries() {
        return Map.copyOf(contentDeliveries);
    }
}
