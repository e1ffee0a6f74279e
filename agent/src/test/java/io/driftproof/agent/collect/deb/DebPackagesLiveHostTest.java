package io.driftproof.agent.collect.deb;

import io.driftproof.agent.collect.HostCommand;
import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tier 2: on a real Debian-family host the collector agrees with dpkg itself. */
class DebPackagesLiveHostTest {

    @TempDir
    Path state;

    @Test
    void listsExactlyThePackagesDpkgReportsInstalled() throws IOException {
        var dpkgQuery = HostCommand.find("dpkg-query");
        assumeTrue(dpkgQuery.isPresent(), "dpkg-query is not on PATH: not a Debian-family host");

        String out = new String(HostCommand.run(List.of(dpkgQuery.get().toString(), "-W", "-f",
                "${db:Status-Abbrev} ${Package}:${Architecture} ${Version}\\n"), Duration.ofSeconds(60)),
                StandardCharsets.UTF_8);
        Set<String> expected = new TreeSet<>();
        for (String line : out.split("\n")) {
            // "ii  openssl:amd64 3.0.19-1~deb12u2": want, status, error flag (space when none)
            if (line.length() > 4 && line.charAt(1) == 'i') {
                expected.add(line.substring(4));
            }
        }
        RecordingOutput scan = RecordingOutput.run(new DebPackagesCollector(), TestScans.context(HostRoot.live(), state));

        Set<String> actual = new TreeSet<>();
        for (Item item : scan.items.values()) {
            actual.add(item.getKey() + " " + item.getPackage().getVersion());
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
        assertThat(scan.problems).isEmpty();
    }
}
