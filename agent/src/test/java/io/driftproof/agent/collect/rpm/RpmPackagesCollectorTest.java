package io.driftproof.agent.collect.rpm;

import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.PackageDetail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the collector against a stand-in rpm script, since this machine has no rpm database. */
class RpmPackagesCollectorTest {

    @TempDir
    Path tree;
    @TempDir
    Path bin;
    @TempDir
    Path state;
    private ScanContext context;

    @BeforeEach
    void rpmHost() throws IOException {
        Files.createDirectories(tree.resolve("var/lib/rpm"));
        context = TestScans.context(HostRoot.of(tree), state);
    }

    @Test
    void queriesTheDatabaseUnderTheRoot() throws IOException {
        Path fixture = bin.resolve("rpm-qa.txt");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/rpm_packages/rpm-qa.txt")) {
            Files.copy(in, fixture);
        }
        Path args = bin.resolve("args");
        Path rpm = script("rpm", "printf '%s\\n' \"$@\" > " + args + "\ncat " + fixture);

        RecordingOutput out = RecordingOutput.run(new RpmPackagesCollector(() -> Optional.of(rpm), Duration.ofSeconds(30)), context);

        assertThat(Files.readAllLines(args)).containsExactly("-qa", "--root", tree.toString(), "--dbpath", "/var/lib/rpm",
                "--qf", RpmQueryParser.QUERY_FORMAT);
        PackageDetail openssl = out.item("openssl:x86_64").getPackage();
        assertThat(openssl.getName()).isEqualTo("openssl");
        assertThat(openssl.getVersion()).isEqualTo("1:3.0.7-27.el9");
        assertThat(openssl.getArch()).isEqualTo("x86_64");
        assertThat(openssl.getManager()).isEqualTo("rpm");
        assertThat(openssl.getSource()).isEqualTo("rpm_packages");
        assertThat(openssl.getInstalledAt().getSeconds()).isEqualTo(1714044611L);
        assertThat(out.items).hasSize(11);
        assertThat(out.problems).isEmpty();
    }

    @Test
    void prefersTheSysimageDatabase() throws IOException {
        Files.createDirectories(tree.resolve("usr/lib/sysimage/rpm"));
        Path args = bin.resolve("args");
        Path rpm = script("rpm", "printf '%s\\n' \"$@\" > " + args);

        RecordingOutput.run(new RpmPackagesCollector(() -> Optional.of(rpm), Duration.ofSeconds(30)), context);

        assertThat(Files.readAllLines(args)).contains("/usr/lib/sysimage/rpm");
    }

    @Test
    void aDatabaseWithoutAnRpmBinaryIsAProblem() {
        RpmPackagesCollector collector = new RpmPackagesCollector(Optional::empty, Duration.ofSeconds(30));
        assertThat(collector.appliesTo(context)).isTrue();

        RecordingOutput out = RecordingOutput.run(collector, context);

        assertThat(out.items).isEmpty();
        assertThat(out.problems).containsExactly(new RecordingOutput.Problem("/var/lib/rpm",
                "an rpm database exists but no rpm binary is on PATH to read it"));
    }

    @Test
    void aHangingRpmIsKilledAtTheTimeout() throws IOException {
        Path rpm = script("rpm", "exec sleep 60");
        long start = System.nanoTime();

        RecordingOutput out = RecordingOutput.run(new RpmPackagesCollector(() -> Optional.of(rpm), Duration.ofSeconds(1)), context);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(out.problems).singleElement().satisfies(p -> assertThat(p.message()).contains("did not finish within 1 s"));
    }

    @Test
    void aFailingRpmIsAProblemWithItsMessage() throws IOException {
        Path rpm = script("rpm", "echo 'error: cannot open Packages database in /var/lib/rpm' >&2\nexit 1");

        RecordingOutput out = RecordingOutput.run(new RpmPackagesCollector(() -> Optional.of(rpm), Duration.ofSeconds(30)), context);

        assertThat(out.problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("cannot query the rpm database: rpm exited with status 1: error: cannot open Packages database in /var/lib/rpm"));
    }

    @Test
    void doesNotApplyWithoutADatabase() throws IOException {
        Files.delete(tree.resolve("var/lib/rpm"));
        assertThat(new RpmPackagesCollector().appliesTo(context)).isFalse();
    }

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
