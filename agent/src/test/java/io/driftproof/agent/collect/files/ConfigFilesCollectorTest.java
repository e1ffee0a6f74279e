package io.driftproof.agent.collect.files;

import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.ItemKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The config_files collector on a fake host tree under a non-live root. */
class ConfigFilesCollectorTest {

    private static final long LIMIT = 1024;
    private static final Instant MTIME = Instant.parse("2025-06-01T12:30:45.123456789Z");

    @TempDir
    Path tree;
    @TempDir
    Path state;
    private FakeHost host;
    private RecordingOutput out;

    @BeforeEach
    void scanAFakeHost() throws Exception {
        host = new FakeHost(tree);
        host.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n");
        host.file("/etc/group", "root:x:0:\nshadow:x:42:\nalice:x:1000:\n");
        host.file("/etc/hosts", "127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8), 0644, 0, 0, MTIME);
        host.file("/etc/ssh/sshd_config", "PermitRootLogin no\n".getBytes(StandardCharsets.UTF_8), 0600, 1000, 1000, MTIME);
        host.file("/etc/ssh/ssh_host_ed25519_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n".getBytes(StandardCharsets.UTF_8),
                0600, 0, 0, MTIME);
        host.file("/etc/shadow", "root:*:19000:0:99999:7:::\n".getBytes(StandardCharsets.UTF_8), 0640, 0, 42, MTIME);
        host.file("/etc/ssl/private/server.pem", "-----BEGIN PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8), 0600, 0, 0, MTIME);
        host.file("/etc/magic.mgc", new byte[] {0x1c, 0x04, 0x1e, (byte) 0xf1, 0, 0, 0, 0x12}, 0644, 0, 0, MTIME);
        host.file("/etc/latin1.conf", new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'}, 0644, 0, 0, MTIME);
        host.file("/etc/big.conf", "x".repeat((int) LIMIT + 1).getBytes(StandardCharsets.UTF_8), 0644, 0, 0, MTIME);
        host.file("/etc/sudo-helper", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 04755, 0, 0, MTIME);
        host.file("/etc/orphan.conf", "owned by nobody known\n".getBytes(StandardCharsets.UTF_8), 0644, 4321, 4321, MTIME);
        host.symlink("/etc/localtime", "/usr/share/zoneinfo/Etc/UTC");
        host.symlink("/etc/ssl/certs", "../../usr/share/ca-certificates");
        host.symlink("/etc/loop-a", "loop-b");
        host.symlink("/etc/loop-b", "loop-a");
        host.symlink("/etc/self", ".");
        host.run("mkfifo", "etc/initctl");
        host.run("sh", "-c", "touch \"etc/bad$(printf '\\377')name\"");
        host.file("/etc/mtab", "excluded by default\n");
        host.file("/etc/vim/.vimrc.swp", "excluded by default\n");
        Files.createDirectories(host.path("/etc/empty.d"));
        host.file("/usr/share/doc/readme", "not under any path glob\n");

        ScanContext context = TestScans.context(HostRoot.of(tree), state, false, List.of("/etc/**"), LIMIT);
        out = RecordingOutput.run(new ConfigFilesCollector(), context);
    }

    @Test
    void aTextFileIsCapturedWithAllItsAttributes() throws IOException {
        byte[] content = "127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8);
        var item = out.item("/etc/hosts");
        assertThat(item.getKind()).isEqualTo(ItemKind.CONFIG_FILE);
        ConfigFileDetail c = item.getConfigFile();
        assertThat(c.getPath()).isEqualTo("/etc/hosts");
        assertThat(c.getType()).isEqualTo(FileType.REGULAR);
        assertThat(c.getSha256()).isEqualTo(FakeHost.sha256(content));
        assertThat(c.getSize()).isEqualTo(content.length);
        assertThat(c.getMode()).isEqualTo(0644);
        assertThat(c.getUid()).isZero();
        assertThat(c.getGid()).isZero();
        assertThat(c.getOwner()).isEqualTo("root");
        assertThat(c.getGroup()).isEqualTo("root");
        assertThat(c.getMtime().getSeconds()).isEqualTo(MTIME.getEpochSecond());
        assertThat(c.getMtime().getNanos()).isEqualTo(MTIME.getNano());
        assertThat(c.getCtime().getSeconds()).isEqualTo(FakeHost.ctimeSeconds(host.path("/etc/hosts")));
        assertThat(c.getSymlinkTarget()).isEmpty();
        assertThat(c.getContentState()).isEqualTo(ContentState.CAPTURED);
        assertThat(out.contents.get(c.getSha256())).isEqualTo(content);
    }

    @Test
    void ownersComeFromTheHostsOwnAccountFiles() {
        ConfigFileDetail sshd = out.item("/etc/ssh/sshd_config").getConfigFile();
        assertThat(sshd.getMode()).isEqualTo(0600);
        assertThat(sshd.getUid()).isEqualTo(1000);
        assertThat(sshd.getOwner()).isEqualTo("alice");
        assertThat(sshd.getGroup()).isEqualTo("alice");
        assertThat(out.item("/etc/shadow").getConfigFile().getGroup()).isEqualTo("shadow");
        // ids the host does not know have no name rather than a made-up one
        ConfigFileDetail orphan = out.item("/etc/orphan.conf").getConfigFile();
        assertThat(orphan.getUid()).isEqualTo(4321);
        assertThat(orphan.getOwner()).isEmpty();
        assertThat(orphan.getGroup()).isEmpty();
    }

    @Test
    void setuidBitsAreKeptInTheMode() {
        assertThat(out.item("/etc/sudo-helper").getConfigFile().getMode()).isEqualTo(04755);
    }

    @Test
    void sensitiveFilesAreHashedButTheirContentIsNeverOffered() throws IOException {
        for (String path : List.of("/etc/shadow", "/etc/ssh/ssh_host_ed25519_key", "/etc/ssl/private/server.pem")) {
            ConfigFileDetail c = out.item(path).getConfigFile();
            assertThat(c.getContentState()).as(path).isEqualTo(ContentState.SENSITIVE);
            assertThat(c.getSha256()).as(path).isEqualTo(FakeHost.sha256(Files.readAllBytes(host.path(path))));
            assertThat(out.contents).as(path).doesNotContainKey(c.getSha256());
        }
        assertThat(out.contents.values()).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains("PRIVATE KEY"));
    }

    @Test
    void binaryAndOversizedFilesAreHashOnly() throws IOException {
        for (String path : List.of("/etc/magic.mgc", "/etc/latin1.conf")) {
            ConfigFileDetail c = out.item(path).getConfigFile();
            // NUL bytes, or bytes that are not UTF-8, make a file binary
            assertThat(c.getContentState()).as(path).isEqualTo(ContentState.BINARY);
            assertThat(c.getSha256()).isEqualTo(FakeHost.sha256(Files.readAllBytes(host.path(path))));
            assertThat(out.contents).doesNotContainKey(c.getSha256());
        }
        ConfigFileDetail big = out.item("/etc/big.conf").getConfigFile();
        assertThat(big.getContentState()).isEqualTo(ContentState.TOO_LARGE);
        assertThat(big.getSize()).isEqualTo(LIMIT + 1);
        assertThat(big.getSha256()).isEqualTo(FakeHost.sha256(Files.readAllBytes(host.path("/etc/big.conf"))));
        assertThat(out.contents).doesNotContainKey(big.getSha256());
    }

    @Test
    void symlinksAreReportedNeverFollowed() {
        ConfigFileDetail localtime = out.item("/etc/localtime").getConfigFile();
        assertThat(localtime.getType()).isEqualTo(FileType.SYMLINK);
        assertThat(localtime.getSymlinkTarget()).isEqualTo("/usr/share/zoneinfo/Etc/UTC");
        assertThat(localtime.getContentState()).isEqualTo(ContentState.NONE);
        assertThat(localtime.getSha256()).isEmpty();
        // a symlink to a directory is not walked into
        assertThat(out.item("/etc/ssl/certs").getConfigFile().getSymlinkTarget()).isEqualTo("../../usr/share/ca-certificates");
        // a loop is just two symlinks, and a link to its own directory one more
        assertThat(out.item("/etc/loop-a").getConfigFile().getSymlinkTarget()).isEqualTo("loop-b");
        assertThat(out.item("/etc/loop-b").getConfigFile().getSymlinkTarget()).isEqualTo("loop-a");
        assertThat(out.item("/etc/self").getConfigFile().getSymlinkTarget()).isEqualTo(".");
        assertThat(out.items.keySet()).noneMatch(k -> k.startsWith("/etc/self/") || k.startsWith("/etc/ssl/certs/"));
    }

    @Test
    void exactlyTheExpectedEntriesAreItemsUnderHostPaths() {
        assertThat(out.items.keySet()).containsExactlyInAnyOrder(
                "/etc/big.conf", "/etc/group", "/etc/hosts", "/etc/latin1.conf", "/etc/localtime", "/etc/loop-a",
                "/etc/loop-b", "/etc/magic.mgc", "/etc/orphan.conf", "/etc/passwd", "/etc/self", "/etc/shadow",
                "/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/sshd_config", "/etc/ssl/certs", "/etc/ssl/private/server.pem",
                "/etc/sudo-helper");
        // not items: the FIFO (never opened), directories, default excludes (/etc/mtab, swap files),
        // files outside the globs, and the name that is not UTF-8
        assertThat(out.items.keySet()).allSatisfy(key -> assertThat(key).doesNotContain(tree.toString()));
    }

    @Test
    void aNameThatIsNotUtf8IsAProblemAndNothingElseIs() {
        assertThat(out.problems).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("/etc/bad").endsWith("name");
            assertThat(p.message()).isEqualTo("file name is not valid UTF-8; skipped");
        });
    }

    @Test
    void aFileThatVanishesBeforeItIsReadIsAProblemAndTheScanGoesOn() throws IOException {
        Path doomed = host.file("/etc/vanishing.conf", "here now\n");
        // the hasher deletes the file just before reading it, as a package upgrade might
        FileHasher deleting = new FileHasher() {
            @Override
            Hashed hash(Path file, boolean sensitive, long size, long limit) throws IOException {
                if (file.equals(doomed)) {
                    Files.delete(file);
                }
                return super.hash(file, sensitive, size, limit);
            }
        };
        ScanContext context = TestScans.context(HostRoot.of(tree), state, true, List.of("/etc/**"), LIMIT);

        RecordingOutput scan = RecordingOutput.run(new ConfigFilesCollector(() -> deleting), context);

        assertThat(scan.problems).contains(new RecordingOutput.Problem("/etc/vanishing.conf", "vanished during the scan"));
        assertThat(scan.items).doesNotContainKey("/etc/vanishing.conf").containsKey("/etc/hosts");
    }

    @Test
    void literalPathsAndPathsOutsideEtc() throws IOException {
        ScanContext context = TestScans.context(HostRoot.of(tree), state, true,
                List.of("/etc/ssh/sshd_config", "/usr/share/doc/**", "/etc/ssl"), LIMIT);

        RecordingOutput scan = RecordingOutput.run(new ConfigFilesCollector(), context);

        // a glob naming a directory covers what is below it; its symlinks stay symlinks
        assertThat(scan.items.keySet()).containsExactly("/etc/ssh/sshd_config", "/etc/ssl/certs",
                "/etc/ssl/private/server.pem", "/usr/share/doc/readme");
        assertThat(scan.items.get("/etc/ssl/private/server.pem").getConfigFile().getContentState())
                .isEqualTo(ContentState.SENSITIVE);
    }

    @Test
    void aSymlinkOnTheWayToAStartIsNotFollowedOutOfTheRoot(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.conf"), "outside the host root\n");
        host.symlink("/opt/app", outside.toString());
        ScanContext context = TestScans.context(HostRoot.of(tree), state, true, List.of("/opt/app/**"), LIMIT);

        RecordingOutput scan = RecordingOutput.run(new ConfigFilesCollector(), context);

        assertThat(scan.items).isEmpty();
        assertThat(scan.problems).isEmpty();
    }

    @Test
    void onALiveRootNamesComeFromThisMachine() throws IOException {
        host.file("/live/mine.conf", "x\n".getBytes(StandardCharsets.UTF_8), 0644, 0, 0, MTIME);
        host.file("/live/nobody-known.conf", "y\n".getBytes(StandardCharsets.UTF_8), 0644, 4321, 4321, MTIME);
        String dir = host.path("/live").toString();
        ScanContext live = TestScans.context(HostRoot.live(), state, true, List.of(dir + "/**"), LIMIT);

        RecordingOutput scan = RecordingOutput.run(new ConfigFilesCollector(), live);

        // on a live root keys are this machine's own paths
        ConfigFileDetail mine = scan.item(dir + "/mine.conf").getConfigFile();
        assertThat(mine.getOwner()).isEqualTo("root");
        assertThat(mine.getGroup()).isEqualTo("root");
        ConfigFileDetail unknown = scan.item(dir + "/nobody-known.conf").getConfigFile();
        assertThat(unknown.getOwner()).isEmpty();
        assertThat(unknown.getGroup()).isEmpty();
    }
}
