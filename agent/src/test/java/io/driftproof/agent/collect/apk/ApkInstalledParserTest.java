package io.driftproof.agent.collect.apk;

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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ApkInstalledParserTest {

    private static PackageList fixture;

    @BeforeAll
    static void parseFixture() throws IOException {
        // lib/apk/db/installed of an Alpine 3.20 container, trimmed to a few packages
        try (InputStream in = ApkInstalledParserTest.class.getResourceAsStream("/fixtures/apk_packages/installed")) {
            fixture = ApkInstalledParser.parse(in);
        }
    }

    static Stream<Arguments> packages() {
        return Stream.of(
                // the first entry; file lines (F:, R:, a:, Z:) are not fields of the package
                arguments("musl:x86_64", "1.2.5-r0"),
                // UTF-8 in the maintainer line, provides with '=' inside
                arguments("busybox:x86_64", "1.36.1-r28"),
                // a dashed name
                arguments("ca-certificates-bundle:x86_64", "20240226-r0"),
                // noarch packages keep their arch in the key
                arguments("alpine-baselayout-data:noarch", "3.6.5-r0"),
                // the last entry, not followed by a blank line
                arguments("zlib:x86_64", "1.3.1-r1"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    void package_(String key, String version) {
        assertThat(versions(fixture)).containsEntry(key, version);
    }

    @Test
    void anEntryWithoutAVersionIsAProblem() {
        assertThat(versions(fixture)).hasSize(5);
        assertThat(fixture.problems()).containsExactly("line 90: package no-version-here has no V: (version) line");
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                // no packages at all
                arguments("", Map.of(), 0),
                // entries separated by more than one blank line
                arguments("P:a\nV:1\nA:x86_64\n\n\nP:b\nV:2\nA:aarch64\n", Map.of("a:x86_64", "1", "b:aarch64", "2"), 0),
                // no arch line
                arguments("P:a\nV:1\n", Map.of(), 1),
                // no name line
                arguments("V:1\nA:x86_64\n", Map.of(), 1),
                // no final newline
                arguments("P:a\nV:1\nA:x86_64", Map.of("a:x86_64", "1"), 0));
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void edgeCase(String installed, Map<String, String> expected, int problems) throws IOException {
        PackageList list = ApkInstalledParser.parse(new ByteArrayInputStream(installed.getBytes(StandardCharsets.UTF_8)));
        assertThat(versions(list)).isEqualTo(expected);
        assertThat(list.problems()).hasSize(problems);
    }

    private static Map<String, String> versions(PackageList list) {
        return list.packages().stream().collect(Collectors.toMap(PackageRecord::key, PackageRecord::version));
    }
}
