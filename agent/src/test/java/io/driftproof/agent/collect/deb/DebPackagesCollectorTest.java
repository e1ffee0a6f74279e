package io.driftproof.agent.collect.deb;

import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DebPackagesCollectorTest {

    @TempDir
    Path tree;
    @TempDir
    Path state;

    @Test
    void readsTheStatusDatabaseUnderTheRoot() throws IOException {
        Path dpkg = Files.createDirectories(tree.resolve("var/lib/dpkg/info"));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/deb_packages/status")) {
            Files.copy(in, dpkg.resolveSibling("status"));
        }
        Instant opensslAt = Instant.parse("2025-03-01T10:15:30Z");
        Instant libcAt = Instant.parse("2025-04-02T08:00:00Z");
        touch(dpkg.resolve("openssl.list"), opensslAt);
        touch(dpkg.resolve("libc6:amd64.list"), libcAt);
        HostRoot root = HostRoot.of(tree);
        DebPackagesCollector collector = new DebPackagesCollector();

        assertThat(collector.appliesTo(TestScans.context(root, state))).isTrue();
        RecordingOutput out = RecordingOutput.run(collector, TestScans.context(root, state));

        Item openssl = out.item("openssl:amd64");
        assertThat(openssl.getKind()).isEqualTo(ItemKind.PACKAGE);
        PackageDetail p = openssl.getPackage();
        assertThat(p.getName()).isEqualTo("openssl");
        assertThat(p.getArch()).isEqualTo("amd64");
        assertThat(p.getVersion()).isEqualTo("3.0.19-1~deb12u2");
        assertThat(p.getManager()).isEqualTo("dpkg");
        assertThat(p.getSource()).isEqualTo("deb_packages");
        assertThat(p.getInstalledAt().getSeconds()).isEqualTo(opensslAt.getEpochSecond());
        // Multi-Arch: same packages keep their file list as name:arch.list
        assertThat(out.item("libc6:amd64").getPackage().getInstalledAt().getSeconds()).isEqualTo(libcAt.getEpochSecond());
        assertThat(out.item("libc6:i386").getPackage().hasInstalledAt()).isFalse();
        assertThat(out.item("bsdutils:amd64").getPackage().getVersion()).isEqualTo("1:2.38.1-5+deb12u3");
        assertThat(out.items).hasSize(8);
        assertThat(out.problems).extracting(RecordingOutput.Problem::path).containsOnly("/var/lib/dpkg/status");
        assertThat(out.problems).hasSize(2);
    }

    @Test
    void doesNotApplyWithoutADpkgDatabase() {
        assertThat(new DebPackagesCollector().appliesTo(TestScans.context(HostRoot.of(tree), state))).isFalse();
    }

    private static void touch(Path file, Instant at) throws IOException {
        Files.writeString(file, "/.\n/usr\n");
        Files.setLastModifiedTime(file, FileTime.from(at));
    }
}
