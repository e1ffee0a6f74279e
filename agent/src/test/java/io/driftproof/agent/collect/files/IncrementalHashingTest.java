package io.driftproof.agent.collect.files;

import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.Item;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash cache: an unchanged file costs a stat, never a read. Reads are counted by the hasher. */
class IncrementalHashingTest {

    @TempDir
    Path tree;
    @TempDir
    Path state;
    private FakeHost host;
    private final FileHasher hasher = new FileHasher();

    @BeforeEach
    void threeFiles() throws IOException {
        host = new FakeHost(tree);
        host.file("/etc/hosts", "127.0.0.1 localhost\n");
        host.file("/etc/hostname", "vm\n");
        host.file("/etc/motd", "welcome\n");
    }

    private RecordingOutput scan(boolean rehashAll, long limit) {
        return RecordingOutput.run(new ConfigFilesCollector(() -> hasher),
                TestScans.context(HostRoot.of(tree), state, rehashAll, List.of("/etc/**"), limit));
    }

    private RecordingOutput scan() {
        return scan(false, 1024);
    }

    @Test
    void anUnchangedTreeIsNotReadAgain() {
        RecordingOutput first = scan();
        assertThat(hasher.reads()).isEqualTo(3);
        assertThat(first.contents).hasSize(3);

        RecordingOutput second = scan();

        assertThat(hasher.reads()).isEqualTo(3);
        assertThat(second.items).isEqualTo(first.items);
        // content was offered when the file was first read
        assertThat(second.contents).isEmpty();
    }

    @Test
    void aModifiedFileIsReadAgainAndOnlyIt() throws IOException {
        RecordingOutput first = scan();
        Files.writeString(host.path("/etc/motd"), "welcome back\n");

        RecordingOutput second = scan();

        assertThat(hasher.reads()).isEqualTo(4);
        String sha = second.item("/etc/motd").getConfigFile().getSha256();
        assertThat(sha).isEqualTo(FakeHost.sha256("welcome back\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(first.item("/etc/motd").getConfigFile().getSha256());
        assertThat(second.contents).containsOnlyKeys(sha);
    }

    @Test
    void sameSizeAndRestoredMtimeStillShowTheChangeThroughCtime() throws IOException, InterruptedException {
        scan();
        Path motd = host.path("/etc/motd");
        FileTime mtime = Files.getLastModifiedTime(motd);
        // ctime has nanosecond resolution, but make sure the clock moved on
        Thread.sleep(20);
        Files.writeString(motd, "welcomE\n");
        Files.setLastModifiedTime(motd, mtime);

        RecordingOutput second = scan();

        assertThat(hasher.reads()).isEqualTo(4);
        assertThat(second.item("/etc/motd").getConfigFile().getSha256())
                .isEqualTo(FakeHost.sha256("welcomE\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileReplacedByRenameIsReadAgain() throws IOException {
        scan();
        Path hosts = host.path("/etc/hosts");
        Path replacement = host.path("/etc/hosts.new");
        Files.copy(hosts, replacement, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(replacement, hosts, StandardCopyOption.REPLACE_EXISTING);

        scan();

        assertThat(hasher.reads()).isEqualTo(4);
    }

    @Test
    void rehashAllReadsEverythingAndOffersTheContentsAgain() {
        scan();

        RecordingOutput full = scan(true, 1024);

        assertThat(hasher.reads()).isEqualTo(6);
        assertThat(full.contents).hasSize(3);
    }

    @Test
    void aCorruptCacheMeansReadingEverythingOnceThenItIsWholeAgain() throws IOException {
        scan();
        Path cache = state.resolve(HashCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(cache, bytes);

        scan();
        assertThat(hasher.reads()).isEqualTo(6);
        scan();
        assertThat(hasher.reads()).isEqualTo(6);

        Files.write(cache, new byte[] {1, 2, 3});
        scan();
        assertThat(hasher.reads()).isEqualTo(9);
    }

    @Test
    void aCacheOfAnotherRootIsNotUsed(@TempDir Path otherTree) throws IOException {
        scan();
        FakeHost other = new FakeHost(otherTree);
        other.file("/etc/hosts", "127.0.0.1 localhost\n");

        RecordingOutput.run(new ConfigFilesCollector(() -> hasher),
                TestScans.context(HostRoot.of(otherTree), state, false, List.of("/etc/**"), 1024));

        assertThat(hasher.reads()).isEqualTo(4);
    }

    @Test
    void withoutAWritableStateDirectoryEveryScanReadsEverything() throws IOException {
        Path notADirectory = Files.writeString(state.resolve("occupied"), "a file where the state dir should be");
        ConfigFilesCollector collector = new ConfigFilesCollector(() -> hasher);
        var context = TestScans.context(HostRoot.of(tree), notADirectory.resolve("state"), false, List.of("/etc/**"), 1024);

        RecordingOutput first = RecordingOutput.run(collector, context);
        RecordingOutput second = RecordingOutput.run(collector, context);

        assertThat(hasher.reads()).isEqualTo(6);
        assertThat(first.items).hasSize(3).isEqualTo(second.items);
        assertThat(first.problems).isEmpty();
    }

    @Test
    void aFileCachedAsTooLargeIsReadAgainWhenTheLimitAllowsCapturingIt() {
        RecordingOutput small = scan(false, 5);
        assertThat(small.item("/etc/hosts").getConfigFile().getContentState()).isEqualTo(ContentState.TOO_LARGE);
        assertThat(small.item("/etc/hostname").getConfigFile().getContentState()).isEqualTo(ContentState.CAPTURED);
        assertThat(hasher.reads()).isEqualTo(3);

        RecordingOutput larger = scan(false, 1024);

        // hosts and motd were never checked for text; hostname was captured already
        assertThat(hasher.reads()).isEqualTo(5);
        assertThat(larger.items.values()).extracting(i -> i.getConfigFile().getContentState())
                .containsOnly(ContentState.CAPTURED);

        // lowering the limit again needs no read: the size alone says too large
        RecordingOutput smallAgain = scan(false, 5);
        assertThat(hasher.reads()).isEqualTo(5);
        assertThat(states(smallAgain)).containsEntry("/etc/hosts", ContentState.TOO_LARGE)
                .containsEntry("/etc/hostname", ContentState.CAPTURED);
    }

    private static Map<String, ContentState> states(RecordingOutput out) {
        return out.items.values().stream().collect(Collectors.toMap(Item::getKey,
                i -> i.getConfigFile().getContentState()));
    }
}
