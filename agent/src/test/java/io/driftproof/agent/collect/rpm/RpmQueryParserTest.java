package io.driftproof.agent.collect.rpm;

import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.collect.PackageRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RpmQueryParserTest {

    private static Map<String, PackageRecord> fixture;
    private static PackageList fixtureList;

    @BeforeAll
    static void parseFixture() throws IOException {
        // captured from a Rocky Linux 9 host with: rpm -qa --qf "$(RpmQueryParser.QUERY_FORMAT)"
        try (InputStream in = RpmQueryParserTest.class.getResourceAsStream("/fixtures/rpm_packages/rpm-qa.txt")) {
            fixtureList = RpmQueryParser.parse(in);
        }
        fixture = fixtureList.packages().stream().collect(Collectors.toMap(PackageRecord::key, Function.identity()));
    }

    static Stream<Arguments> packages() {
        return Stream.of(
                // no epoch: rpm prints (none), the version is version-release
                arguments("bash:x86_64", "5.1.8-9.el9", 1714044502L),
                // an epoch is kept in front: epoch:version-release
                arguments("openssl:x86_64", "1:3.0.7-27.el9", 1714044611L),
                arguments("shadow-utils:x86_64", "2:4.9-8.el9", 1714044520L),
                // multi-arch: the same name for i686 and x86_64 is two packages
                arguments("glibc:x86_64", "2.34-100.el9_4.2", 1717171717L),
                arguments("glibc:i686", "2.34-100.el9_4.2", 1717171720L),
                // noarch is an architecture like any other
                arguments("tzdata:noarch", "2024a-1.el9", 1714044400L),
                // install-only packages: two kernels at once are one item listing both, latest install time
                arguments("kernel-core:x86_64", "5.14.0-362.24.1.el9_3, 5.14.0-427.16.1.el9_4", 1716000000L),
                // gpg-pubkey pseudo packages (imported signing keys) have no arch: key is the name,
                // and every imported key is one version of it
                arguments("gpg-pubkey", "350d275d-6279464b, fd431d51-4ae0493b", 1714044700L));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    void package_(String key, String version, long installedAt) {
        assertThat(fixture).containsKey(key);
        PackageRecord p = fixture.get(key);
        assertThat(p.version()).isEqualTo(version);
        assertThat(p.installedAt()).contains(Instant.ofEpochSecond(installedAt));
    }

    @Test
    void everyLineIsAccountedFor() {
        // 13 lines: two kernels and two gpg-pubkeys fold into one record each
        assertThat(fixture).hasSize(11);
        assertThat(fixtureList.problems()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // rpm's own warnings belong on stderr, but a line that is not six fields is reported
                arguments("warning: Generating 12 missing index(es), please wait...\n", 1),
                // five fields: a format mismatch, not a package
                arguments("bash\t(none)\t5.1.8\t9.el9\tx86_64\n", 1),
                // an empty name
                arguments("\t(none)\t1\t1\tx86_64\t1\n", 1),
                // blank lines are nothing
                arguments("\n\n", 0));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedLinesAreProblems(String output, int problems) throws IOException {
        PackageList list = RpmQueryParser.parse(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)));
        assertThat(list.packages()).isEmpty();
        assertThat(list.problems()).hasSize(problems);
    }

    @Test
    void aNonNumericInstallTimeLeavesItUnset() throws IOException {
        PackageList list = RpmQueryParser.parse(new ByteArrayInputStream(
                "bash\t(none)\t5.1.8\t9.el9\tx86_64\t(none)\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(list.packages()).singleElement().satisfies(p -> assertThat(p.installedAt()).isEmpty());
    }
}
