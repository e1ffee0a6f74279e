package io.driftproof.agent.transport;

import com.google.protobuf.ByteString;
import io.driftproof.agent.spool.SpoolEntry;
import io.driftproof.agent.state.Marks;
import io.driftproof.proto.v1.Welcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WelcomeDecisionTest {

    private static final byte[] D5 = digest(5);
    private static final byte[] D6 = digest(6);
    private static final byte[] D7 = digest(7);

    private static byte[] digest(int fill) {
        byte[] d = new byte[32];
        java.util.Arrays.fill(d, (byte) fill);
        return d;
    }

    private static Welcome welcome(long seq, byte[] digest) {
        return Welcome.newBuilder().setLastSeq(seq).setManifestDigest(ByteString.copyFrom(digest)).build();
    }

    private static Marks acked(long seq, byte[] digest) {
        return new Marks(seq, digest, 0, Optional.empty(), 0);
    }

    private static SpoolEntry entry(long seq, byte[] digest) {
        return new SpoolEntry(seq, Path.of(seq + ".delta"), 10, seq - 1, false, ByteString.copyFrom(digest));
    }

    private static final List<SpoolEntry> PENDING = List.of(entry(6, D6), entry(7, D7));

    @Test
    void inStepWhenTheCollectorStandsAtTheAckedSeq() {
        WelcomeDecision d = WelcomeDecision.decide(welcome(5, D5), acked(5, D5), PENDING);

        assertThat(d.fullSnapshot()).isFalse();
        assertThat(d.ackThrough()).isZero();
    }

    @Test
    void freshHostAndFreshCollectorAreInStep() {
        WelcomeDecision d = WelcomeDecision.decide(welcome(0, new byte[0]), Marks.none(), List.of(entry(1, D5)));

        assertThat(d.fullSnapshot()).isFalse();
    }

    @Test
    void deltasTheCollectorAppliedCountAsAcknowledged() {
        // The collector applied seq 6 but its ack was lost with the connection.
        WelcomeDecision d = WelcomeDecision.decide(welcome(6, D6), acked(5, D5), PENDING);

        assertThat(d.fullSnapshot()).isFalse();
        assertThat(d.ackThrough()).isEqualTo(6);
    }

    @Test
    void collectorThatKnowsNothingOfAHostWithHistoryGetsAFullSnapshot() {
        WelcomeDecision d = WelcomeDecision.decide(welcome(0, new byte[0]), acked(5, D5), PENDING);

        assertThat(d.fullSnapshot()).isTrue();
        assertThat(d.reason()).contains("knows nothing");
    }

    @Test
    void collectorAheadOfTheAgentGetsAFullSnapshotNumberedAboveIt() {
        // The agent's state directory was restored from an old backup.
        WelcomeDecision d = WelcomeDecision.decide(welcome(40, D5), acked(5, D5), PENDING);

        assertThat(d.fullSnapshot()).isTrue();
        assertThat(d.seqFloor()).isEqualTo(40);
    }

    @Test
    void collectorBehindTheAckedSeqGetsAFullSnapshot() {
        // The collector's database was restored from a backup older than the agent's last ack.
        WelcomeDecision d = WelcomeDecision.decide(welcome(3, D5), acked(5, D5), PENDING);

        assertThat(d.fullSnapshot()).isTrue();
        assertThat(d.seqFloor()).isEqualTo(3);
    }

    @Test
    void digestDisagreementMeansFullSnapshot() {
        assertThat(WelcomeDecision.decide(welcome(5, D7), acked(5, D5), PENDING).fullSnapshot()).isTrue();
        assertThat(WelcomeDecision.decide(welcome(6, D7), acked(5, D5), PENDING).fullSnapshot()).isTrue();
    }

    @Test
    void unknownDigestOnEitherSideIsNoDisagreement() {
        assertThat(WelcomeDecision.decide(welcome(5, new byte[0]), acked(5, D5), PENDING).fullSnapshot()).isFalse();
        assertThat(WelcomeDecision.decide(welcome(5, D7), acked(5, new byte[0]), PENDING).fullSnapshot()).isFalse();
    }
}
