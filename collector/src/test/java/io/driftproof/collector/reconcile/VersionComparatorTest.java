package io.driftproof.collector.reconcile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionComparatorTest {

    @ParameterizedTest(name = "dpkg {0} vs {1} = {2}")
    @CsvSource({
            // equal versions, also with an explicit zero epoch
            "1.0-1, 1.0-1, 0",
            "0:1.0-1, 1.0-1, 0",
            // plain numeric ordering, not lexical
            "1.10, 1.9, 1",
            "3.0.15-1~deb12u1, 3.0.13-1~deb12u1, 1",
            // the epoch wins over everything else
            "1:1.0, 2.0, 1",
            // a tilde sorts before anything, even the end of the string (pre-releases)
            "1.0~rc1, 1.0, -1",
            "1.0~rc1-1, 1.0~rc2-1, -1",
            "3.0.15-1~deb12u1, 3.0.15-1, -1",
            // letters sort before non-letters
            "1.0a, 1.0+, -1",
            // the revision decides when upstream is equal
            "2.36-9+deb12u7, 2.36-9+deb12u4, 1",
            // leading zeros do not count
            "1.002, 1.2, 0",
            // an upstream version with a dash keeps all but the last part
            "1.2-3-4, 1.2-3-3, 1",
            // no revision sorts before any revision
            "1.0, 1.0-0, 0",
            "1.0, 1.0-1, -1"
    })
    void debian(String a, String b, int expected) {
        assertThat(VersionComparator.compareDebian(a, b)).isEqualTo(expected);
        assertThat(VersionComparator.compareDebian(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest(name = "rpm {0} vs {1} = {2}")
    @CsvSource({
            "1.0-1.el9, 1.0-1.el9, 0",
            "1.10-1, 1.9-1, 1",
            "2:1.0-1, 1:9.0-1, 1",
            // rpm tilde: pre-release sorts before the release
            "1.0~rc1-1, 1.0-1, -1",
            // caret: post-release snapshot sorts after the release but before the next one
            "1.0^git1-1, 1.0-1, 1",
            "1.0^git1-1, 1.0.1-1, -1",
            // a numeric segment is newer than an alphabetic one
            "1.0.1-1, 1.0.a-1, 1",
            // separators are not significant, only segments
            "1.0_1-1, 1.0.1-1, 0",
            "3.0.7-27.el9, 3.0.7-25.el9, 1",
            "5.14.0-427.13.1.el9_4, 5.14.0-427.el9, 1"
    })
    void rpm(String a, String b, int expected) {
        assertThat(VersionComparator.compareRpm(a, b)).isEqualTo(expected);
        assertThat(VersionComparator.compareRpm(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @CsvSource({"dpkg, 1.0~rc1, 1.0, -1", "rpm, 1.10-1, 1.9-1, 1", "apk, 1.2.10-r0, 1.2.9-r0, 1"})
    void chosenByManager(String manager, String a, String b, int expected) {
        assertThat(Integer.signum(VersionComparator.forManager(manager).compare(a, b))).isEqualTo(expected);
    }
}
