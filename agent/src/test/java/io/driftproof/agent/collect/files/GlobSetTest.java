package io.driftproof.agent.collect.files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class GlobSetTest {

    static Stream<Arguments> matches() {
        return Stream.of(
                // ** crosses directories
                arguments("/etc/**", "/etc/ssh/sshd_config", true),
                arguments("/etc/**", "/etc/hosts", true),
                // ... but /etc/** is what is below /etc, not /etc itself nor its siblings
                arguments("/etc/**", "/etc", false),
                arguments("/etc/**", "/etcetera/x", false),
                // * stays within one component
                arguments("/etc/*.conf", "/etc/resolv.conf", true),
                arguments("/etc/*.conf", "/etc/dhcp/dhclient.conf", false),
                // **/ matches zero or more directories
                arguments("/etc/**/*.swp", "/etc/.hosts.swp", true),
                arguments("/etc/**/*.swp", "/etc/a/b/.x.swp", true),
                // a glob without a leading / matches at any depth
                arguments("**/*.key", "/etc/ssl/private/server.key", true),
                arguments("**/*.key", "/server.key", true),
                arguments("*.key", "/etc/x.key", true),
                arguments("**/private/**", "/etc/ssl/private/a.pem", true),
                arguments("**/private/**", "/etc/ssl/privateer/a.pem", false),
                // shadow and its backups
                arguments("/etc/shadow*", "/etc/shadow", true),
                arguments("/etc/shadow*", "/etc/shadow-", true),
                arguments("/etc/shadow*", "/etc/shadow.d/x", false),
                // ? is one character of one component
                arguments("/etc/ssh/ssh_host_*_key", "/etc/ssh/ssh_host_ed25519_key", true),
                arguments("/etc/ssh/ssh_host_*_key", "/etc/ssh/ssh_host_ed25519_key.pub", false),
                arguments("/etc/rc?.d/*", "/etc/rc2.d/S01ssh", true),
                arguments("/etc/rc?.d/*", "/etc/rc.d/x", false),
                // character classes, negated with ! or ^, never matching /
                arguments("/etc/rc[0-6].d/*", "/etc/rc5.d/K01x", true),
                arguments("/etc/rc[!0-6].d/*", "/etc/rcS.d/K01x", true),
                arguments("/etc/rc[!0-6].d/*", "/etc/rc5.d/K01x", false),
                arguments("/etc/a[/]b", "/etc/a/b", false),
                // regex metacharacters are literal
                arguments("/etc/ld.so.cache", "/etc/ldXso.cache", false),
                arguments("/etc/x+(y)", "/etc/x+(y)", true),
                // a backslash escapes a wildcard
                arguments("/etc/what\\*", "/etc/what*", true),
                arguments("/etc/what\\*", "/etc/whatever", false),
                // braces have no special meaning
                arguments("/etc/{a,b}", "/etc/{a,b}", true),
                arguments("/etc/{a,b}", "/etc/a", false),
                // an unclosed [ is literal
                arguments("/etc/[x", "/etc/[x", true),
                // a trailing slash changes nothing
                arguments("/etc/ssl/", "/etc/ssl", true),
                // a newline in a file name is matched like any other character
                arguments("/etc/**", "/etc/odd\nname", true),
                // non-ASCII names
                arguments("/etc/café/*", "/etc/café/menu", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("matches")
    void matches(String glob, String path, boolean expected) {
        assertThat(GlobSet.of(List.of(glob)).matches(path)).isEqualTo(expected);
    }

    static Stream<Arguments> below() {
        return Stream.of(
                // the walk descends where a match may lie below ...
                arguments("/etc/**", "/", true, false),
                arguments("/etc/**", "/etc", true, true),
                arguments("/etc/**", "/etc/ssh", true, true),
                arguments("/etc/ssh/*_config", "/etc", true, false),
                arguments("/etc/ssh/*_config", "/etc/ssh", true, false),
                arguments("**/*.key", "/var/lib", true, false),
                // ... and prunes where none can
                arguments("/etc/*.conf", "/etc/dhcp", false, false),
                arguments("/etc/ssh/*_config", "/etc/ssl", false, false),
                arguments("/etc/**", "/usr", false, false),
                // an exclude ending in ** covers a whole tree, so the walk skips it
                arguments("/etc/alternatives/**", "/etc/alternatives", true, true),
                arguments("/etc/**/*.swp", "/etc/vim", true, false));
    }

    @ParameterizedTest(name = "{0} below {1}: may {2}, all {3}")
    @MethodSource("below")
    void below(String glob, String dir, boolean may, boolean all) {
        GlobSet set = GlobSet.of(List.of(glob));
        assertThat(set.mayMatchBelow(dir)).as("may match below").isEqualTo(may);
        assertThat(set.matchesAllBelow(dir)).as("matches all below").isEqualTo(all);
    }

    static Stream<Arguments> bases() {
        return Stream.of(
                arguments("/etc/**", "/etc"),
                arguments("/etc/ssh/*_config", "/etc/ssh"),
                // a literal path is found in its parent directory
                arguments("/etc/ssh/sshd_config", "/etc/ssh"),
                arguments("/etc", "/"),
                arguments("/etc/rc?.d/*", "/etc"),
                arguments("**/*.key", "/"),
                arguments("/*", "/"));
    }

    @ParameterizedTest(name = "{0} walks from {1}")
    @MethodSource("bases")
    void baseDirectory(String glob, String base) {
        assertThat(GlobSet.baseDirectory(glob)).isEqualTo(base);
    }

    @ParameterizedTest
    @MethodSource("matches")
    void aSetMatchesWhatAnyOfItsGlobsMatches(String glob, String path, boolean expected) {
        GlobSet set = GlobSet.of(List.of("/nothing/here", glob, "/nor/here/**"));
        assertThat(set.matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("matches")
    void anEmptySetMatchesNothing(String glob, String path, boolean ignored) {
        GlobSet empty = GlobSet.of(List.of());
        assertThat(empty.matches(path)).isFalse();
        assertThat(empty.mayMatchBelow(path)).isFalse();
    }
}
