package io.driftproof.collector.ingest;

import com.google.protobuf.ByteString;
import io.driftproof.collector.testing.AgentStream;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.RawReportCall;
import io.driftproof.collector.testing.Rows;
import io.driftproof.collector.testing.TestAgent;
import io.driftproof.proto.v1.AgentMessage;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.Hello;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemChange;
import io.grpc.Status;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid agent messages close the stream with a status that names the problem, and leave stored
 * data as it was. Each test starts from a host with a baseline.
 */
public abstract class BadInput extends CollectorTest {

    private TestAgent agent;
    private Rows.Counts before;
    private String hostBefore;

    @BeforeEach
    void baseline() {
        agent = newAgent();
        agent.put(Items.pkg("openssl", "3.0.1"));
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
        }
        agent.put(Items.pkg("openssl", "3.0.2"));
        before = rows.count();
        hostBefore = hostState();
    }

    @Test
    void contentLargerThanTheLimit() {
        byte[] big = new byte[70_000];
        assertRefused(d -> withContent(d, big, sha(big)), Status.Code.INVALID_ARGUMENT, "bytes, limit 65536");
    }

    @Test
    void contentWhoseHashDoesNotMatch() {
        byte[] data = "real content\n".getBytes(StandardCharsets.UTF_8);
        assertRefused(d -> withContent(d, data, sha("other".getBytes(StandardCharsets.UTF_8))),
                Status.Code.INVALID_ARGUMENT, "does not match its data");
    }

    @Test
    void messageLargerThanTheTransportAccepts() {
        byte[] huge = new byte[17 << 20];
        try (AgentStream stream = agent.open()) {
            stream.hello();
            stream.sendPart(withContent(agent.delta(), huge, sha(huge)).build());
            assertThat(stream.failure().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        }
        assertUnchanged();
    }

    @Test
    void unknownItemKind() {
        assertRefused(d -> d.addChanges(ItemChange.newBuilder().setUpsert(Items.pkg("x", "1").toBuilder().setKindValue(42))),
                Status.Code.INVALID_ARGUMENT, "unknown item kind 42");
    }

    @Test
    void relativeOrUnnormalisedPath() {
        assertRefused(d -> d.addChanges(ItemChange.newBuilder().setUpsert(Items.file(Items.textFile("/etc/../etc/x", "", Instant.now())))),
                Status.Code.INVALID_ARGUMENT, "not normalised");
        assertRefused(d -> d.addChanges(ItemChange.newBuilder().setUpsert(Items.file(Items.textFile("etc/x", "", Instant.now())))),
                Status.Code.INVALID_ARGUMENT, "not absolute");
    }

    @Test
    void negativeSeq() {
        assertRefused(d -> d.setSeq(-4), Status.Code.INVALID_ARGUMENT, "seq must be positive");
    }

    @Test
    void seqRepeatedOnTheSameStream() {
        try (AgentStream stream = agent.open()) {
            stream.hello();
            Delta delta = agent.delta().build();
            assertThat(stream.send(delta).hasAck()).isTrue();
            before = rows.count();
            hostBefore = hostState();
            stream.sendPart(delta);
            Status status = stream.failure();
            assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).contains("repeats or goes back");
        }
        assertUnchanged();
    }

    @Test
    void fullSnapshotWhoseDigestDoesNotMatchItsItems() {
        try (AgentStream stream = agent.open()) {
            stream.hello();
            stream.sendPart(agent.fullSnapshot().setManifestDigest(ByteString.copyFrom(new byte[32])).build());
            Status status = stream.failure();
            assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).contains("does not match its items");
        }
        assertUnchanged();
    }

    @Test
    void deltaBeforeHello() {
        try (AgentStream stream = agent.open()) {
            stream.sendPart(agent.delta().build());
            assertThat(stream.failure().getDescription()).contains("must start with a Hello");
        }
        assertUnchanged();
    }

    @Test
    void helloWithoutHostId() {
        try (RawReportCall call = new RawReportCall(port())) {
            Status status = call.send(AgentMessage.newBuilder().setHello(Hello.newBuilder()
                    .setHost(HostInfo.newBuilder().setHostname("nameless"))).build().toByteArray()).awaitClose();
            assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).contains("host_id");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertUnchanged();
    }

    /** Protobuf strings must be UTF-8; the bytes are built by hand because the generated classes
     * cannot produce anything else. */
    @Test
    void pathThatIsNotUtf8() throws Exception {
        String placeholder = "/etc/@@INVALID@@";
        Item file = Items.file(Items.textFile(placeholder, "", Instant.now()));
        byte[] delta = AgentMessage.newBuilder().setDelta(agent.delta().addChanges(ItemChange.newBuilder().setUpsert(file))).build().toByteArray();
        byte[] invalid = replaceAll(delta, placeholder.getBytes(StandardCharsets.US_ASCII),
                "/etc/\u00ff\u00fe@INVALID@@".getBytes(StandardCharsets.ISO_8859_1));
        byte[] hello = AgentMessage.newBuilder().setHello(Hello.newBuilder()
                .setHost(HostInfo.newBuilder().setHostId(agent.hostId()))).build().toByteArray();
        try (RawReportCall call = new RawReportCall(port())) {
            Status status = call.send(hello).send(invalid).awaitClose();
            assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).contains("UTF-8");
        }
        assertUnchanged();
    }

    private void assertRefused(UnaryOperator<Delta.Builder> spoil, Status.Code code, String message) {
        try (AgentStream stream = agent.open()) {
            stream.hello();
            stream.sendPart(spoil.apply(agent.delta()).build());
            Status status = stream.failure();
            assertThat(status.getCode()).isEqualTo(code);
            assertThat(status.getDescription()).contains(message);
        }
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(rows.count()).isEqualTo(before);
        assertThat(hostState()).isEqualTo(hostBefore);
    }

    /** The host as stored, less lastSeen (a refused message still shows the host is alive). */
    private String hostState() {
        JsonPath host = getJson("/api/v1/hosts/{id}", agent.hostId());
        return host.getLong("lastSeq") + " " + host.getString("manifestDigest") + " " + host.getLong("itemCount")
                + " " + getJson("/api/v1/hosts/{id}/items", agent.hostId()).prettify();
    }

    private static Delta.Builder withContent(Delta.Builder delta, byte[] data, String sha) {
        return delta.addContents(Content.newBuilder().setSha256(sha).setData(ByteString.copyFrom(data)));
    }

    private static String sha(byte[] data) {
        return io.driftproof.collector.content.ContentCodec.sha256Hex(data);
    }

    private static byte[] replaceAll(byte[] data, byte[] find, byte[] replacement) {
        byte[] out = data.clone();
        for (int i = 0; i <= out.length - find.length; i++) {
            if (java.util.Arrays.equals(out, i, i + find.length, find, 0, find.length)) {
                System.arraycopy(replacement, 0, out, i, replacement.length);
            }
        }
        return out;
    }
}
