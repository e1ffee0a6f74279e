package io.driftproof.collector.testing;

import com.google.protobuf.ByteString;
import io.driftproof.collector.content.ContentCodec;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.ItemRef;
import io.grpc.ManagedChannel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small agent for tests: keeps a host's item set, builds deltas and full snapshots the way the
 * real agent does (digest with ManifestDigest, contents once per hash), and talks to the running
 * collector over a real gRPC channel ({@link AgentStream}).
 */
public final class TestAgent {

    private final int port;
    private final HostInfo host;
    private final Map<String, Item> items = new TreeMap<>();
    private final List<ItemChange> pending = new ArrayList<>();
    private final Map<String, ByteString> pendingContents = new LinkedHashMap<>();
    private Duration clockOffset = Duration.ZERO;
    private long seq;
    private long acked;
    private Instant lastScan;

    public TestAgent(int port, String hostId) {
        this.port = port;
        this.host = HostInfo.newBuilder().setHostId(hostId).setHostname(hostId + ".example.test").setOs("Debian 12")
                .setKernel("6.1.0").setArch("x86_64").build();
    }

    public String hostId() {
        return host.getHostId();
    }

    /** The agent's clock runs this much ahead of the real one. */
    public TestAgent clockOffset(Duration offset) {
        this.clockOffset = offset;
        return this;
    }

    public Instant now() {
        return Instant.now().plus(clockOffset);
    }

    public AgentStream open() {
        return new AgentStream(port, host, this::now);
    }

    /** A stream over the given channel (e.g. with the host's client certificate). */
    public AgentStream open(ManagedChannel channel) {
        return new AgentStream(channel, host, this::now);
    }

    public HostInfo host() {
        return host;
    }

    public TestAgent put(Item item) {
        items.put(key(item.getKind(), item.getKey()), item);
        pending.add(ItemChange.newBuilder().setUpsert(item).build());
        return this;
    }

    /** A captured text file: the item plus its content for the next delta. */
    public TestAgent putFile(io.driftproof.proto.v1.ConfigFileDetail.Builder detail, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        pendingContents.put(ContentCodec.sha256Hex(data), ByteString.copyFrom(data));
        return put(Items.file(detail));
    }

    public TestAgent remove(ItemKind kind, String key) {
        items.remove(key(kind, key));
        pending.add(ItemChange.newBuilder().setRemoval(ItemRef.newBuilder().setKind(kind).setKey(key)).build());
        return this;
    }

    public ManifestDigest digest() {
        ManifestDigest digest = ManifestDigest.empty();
        items.values().forEach(digest::add);
        return digest;
    }

    public int itemCount() {
        return items.size();
    }

    /** The next incremental delta: what changed since the last acknowledged one. */
    public Delta.Builder delta() {
        Delta.Builder delta = header(false).setBaseSeq(acked).addAllChanges(pending);
        pendingContents.forEach((sha, data) -> delta.addContents(Content.newBuilder().setSha256(sha).setData(data)));
        return delta;
    }

    /** The next full snapshot: every item, and the contents not delivered yet. */
    public Delta.Builder fullSnapshot() {
        Delta.Builder delta = header(true).setBaseSeq(0);
        items.values().forEach(i -> delta.addChanges(ItemChange.newBuilder().setUpsert(i)));
        pendingContents.forEach((sha, data) -> delta.addContents(Content.newBuilder().setSha256(sha).setData(data)));
        return delta;
    }

    private Delta.Builder header(boolean full) {
        Instant scan = now();
        Delta.Builder delta = Delta.newBuilder().setSeq(++seq).setFull(full).setObservedAt(Items.timestamp(scan))
                .setManifestDigest(ByteString.copyFrom(digest().toBytes())).setItemCount(items.size())
                .addCollectors("test");
        if (lastScan != null) {
            delta.setPreviousObservedAt(Items.timestamp(lastScan));
        }
        lastScan = scan;
        return delta;
    }

    /** Sends a delta and, when the collector acknowledges it, marks its changes delivered. */
    public io.driftproof.proto.v1.CollectorMessage deliver(AgentStream stream, Delta.Builder delta) {
        io.driftproof.proto.v1.CollectorMessage reply = stream.send(delta.build());
        if (reply.hasAck()) {
            acknowledged(reply.getAck().getSeq());
        }
        return reply;
    }

    /** Call once the collector acknowledged {@code seq}: its changes are delivered. */
    public void acknowledged(long seq) {
        acked = seq;
        pending.clear();
        pendingContents.clear();
    }

    private static String key(ItemKind kind, String key) {
        return kind + " " + key;
    }
}
