package io.driftproof.agent.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WatchRootTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            // glob,                 directory, recursive
            "/etc/**,                /etc,      true",
            "/etc/ssh/*.conf,        /etc/ssh,  false",   // wildcard only in the file name
            "/etc/hosts,             /etc,      false",   // a single file: its directory
            "/opt/*/conf/app.xml,    /opt,      true",    // wildcard in a directory
            "/opt/app/**/*.yaml,     /opt/app,  true",
            "/hosts,                 /,         false",
            "**/*.conf,              -,         false",   // no fixed directory: not watched
            "/*.conf,                -,         false",
    })
    void watchesTheFixedDirectoryOfAGlob(String glob, String dir, boolean recursive) {
        if (dir == null) {
            assertThat(WatchRoot.of(glob)).isEmpty();
        } else {
            assertThat(WatchRoot.of(glob)).contains(new WatchRoot(dir, recursive));
        }
    }
}
