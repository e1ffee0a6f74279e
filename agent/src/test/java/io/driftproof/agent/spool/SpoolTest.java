package io.driftproof.agent.spool;

import com.google.protobuf.ByteString;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolTest {

    @TempDir
    Path dir;

    private static List<Delta> delta(long seq, int parts, int payload) {
        List<Delta> list = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            list.add(Delta.newBuilder().setSeq(seq).setBaseSeq(seq - 1).setMore(i < parts - 1)
                    .addContents(Content.newBuilder().setSha256("s" + i).setData(ByteString.copyFrom(new byte[payload])))
                    .build());
        }
        return list;
    }

    /** Writes and commits a delta as a scan does. */
    private static SpoolEntry append(Spool spool, long seq, List<Delta> parts) throws IOException, SpoolFullException {
        try (SpoolWriter writer = spool.writer(seq)) {
            for (Delta part : parts) {
                writer.write(part);
            }
            return spool.commit(writer);
        }
    }

    private static List<Delta> readAll(Spool spool, SpoolEntry entry) throws IOException {
        List<Delta> parts = new ArrayList<>();
        try (DeltaReader reader = spool.read(entry)) {
            for (Optional<Delta> p = reader.next(); p.isPresent(); p = reader.next()) {
                parts.add(p.get());
            }
        }
        return parts;
    }

    @Test
    void keepsDeltasInSeqOrderAcrossRestart() throws Exception {
        Spool spool = Spool.open(dir, 1 << 20);
        append(spool, 1, delta(1, 1, 10));
        append(spool, 2, delta(2, 3, 10));
        append(spool, 10, delta(10, 1, 10));

        Spool reopened = Spool.open(dir, 1 << 20);

        assertThat(reopened.entries()).extracting(SpoolEntry::seq).containsExactly(1L, 2L, 10L);
        assertThat(reopened.bytes()).isEqualTo(spool.bytes());
        assertThat(readAll(reopened, reopened.entry(2).orElseThrow())).isEqualTo(delta(2, 3, 10));
        assertThat(reopened.after(2)).map(SpoolEntry::seq).contains(10L);
    }

    @Test
    void ackDeletesEveryDeltaUpToTheSeq() throws Exception {
        Spool spool = Spool.open(dir, 1 << 20);
        append(spool, 1, delta(1, 1, 10));
        append(spool, 2, delta(2, 1, 10));
        append(spool, 3, delta(3, 1, 10));

        assertThat(spool.deleteThrough(2)).extracting(SpoolEntry::seq).containsExactly(1L, 2L);

        assertThat(spool.entries()).extracting(SpoolEntry::seq).containsExactly(3L);
        assertThat(Spool.open(dir, 1 << 20).entries()).extracting(SpoolEntry::seq).containsExactly(3L);
        assertThat(spool.bytes()).isEqualTo(Files.size(spool.entry(3).orElseThrow().file()));
    }

    @Test
    void refusesADeltaOverTheLimitAndWritesNothing() throws Exception {
        Spool spool = Spool.open(dir, 1000);
        append(spool, 1, delta(1, 1, 600));

        assertThatThrownBy(() -> append(spool, 2, delta(2, 1, 600)))
                .isInstanceOf(SpoolFullException.class)
                .hasMessageContaining("spool full")
                .hasMessageContaining("collector is reachable")
                .hasMessageContaining("spool-limit");
        assertThat(spool.entries()).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void neverTakesTwoDeltasWithTheSameSeq() throws Exception {
        Spool spool = Spool.open(dir, 1 << 20);
        append(spool, 5, delta(5, 1, 1));

        assertThatThrownBy(() -> append(spool, 5, delta(5, 1, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> append(spool, 4, delta(4, 1, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUncommittedDeltaLeavesNoFile() throws Exception {
        Spool spool = Spool.open(dir, 1 << 20);
        try (SpoolWriter writer = spool.writer(1)) {
            for (Delta part : delta(1, 2, 10)) {
                writer.write(part);
            }
        }

        assertThat(spool.entries()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDeltaCutOffBeforeItsLastPartIsUnreadable() throws Exception {
        Spool spool = Spool.open(dir, 1 << 20);
        SpoolEntry entry = append(spool, 1, delta(1, 3, 10));
        List<Delta> parts = readAll(spool, entry);
        try (var out = Files.newOutputStream(entry.file())) {
            parts.get(0).writeDelimitedTo(out);
        }

        Spool reopened = Spool.open(dir, 1 << 20);

        assertThat(reopened.entries()).isEmpty();
        assertThat(reopened.hadUnreadableFiles()).isTrue();
    }

    @Test
    void dropsLeftoversOfAnInterruptedWriteAndReportsUnreadableFiles() throws Exception {
        Spool spool = Spool.open(dir, 1 << 20);
        append(spool, 1, delta(1, 1, 10));
        Files.writeString(dir.resolve("00000000000000000002.delta.tmp"), "half");
        Files.writeString(dir.resolve("00000000000000000003.delta"), "garbage");

        Spool reopened = Spool.open(dir, 1 << 20);

        assertThat(reopened.entries()).extracting(SpoolEntry::seq).containsExactly(1L);
        assertThat(reopened.hadUnreadableFiles()).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }
}
