package io.driftproof.agent.collect.apk;

import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.PackageDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApkPackagesCollectorTest {

    @TempDir
    Path tree;
    @TempDir
    Path state;

    @Test
    void readsTheApkDatabaseUnderTheRoot() throws IOException {
        Path db = Files.createDirectories(tree.resolve("lib/apk/db"));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/apk_packages/installed")) {
            Files.copy(in, db.resolve("installed"));
        }
        var context = TestScans.context(HostRoot.of(tree), state);
        ApkPackagesCollector collector = new ApkPackagesCollector();
        assertThat(collector.appliesTo(context)).isTrue();

        RecordingOutput out = RecordingOutput.run(collector, context);

        assertThat(out.items.keySet()).containsExactly("alpine-baselayout-data:noarch", "busybox:x86_64",
                "ca-certificates-bundle:x86_64", "musl:x86_64", "zlib:x86_64");
        assertThat(out.item("musl:x86_64").getKind()).isEqualTo(ItemKind.PACKAGE);
        PackageDetail musl = out.item("musl:x86_64").getPackage();
        assertThat(musl.getName()).isEqualTo("musl");
        assertThat(musl.getVersion()).isEqualTo("1.2.5-r0");
        assertThat(musl.getArch()).isEqualTo("x86_64");
        assertThat(musl.getManager()).isEqualTo("apk");
        assertThat(musl.getSource()).isEqualTo("apk_packages");
        assertThat(musl.hasInstalledAt()).isFalse();
        assertThat(out.problems).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("/lib/apk/db/installed"));
    }

    @Test
    void doesNotApplyWithoutAnApkDatabase() {
        assertThat(new ApkPackagesCollector().appliesTo(TestScans.context(HostRoot.of(tree), state))).isFalse();
    }
}
