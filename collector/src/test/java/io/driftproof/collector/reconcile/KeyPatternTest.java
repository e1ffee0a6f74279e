package io.driftproof.collector.reconcile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "/etc/ssh/sshd_config, /etc/ssh/sshd_config, true",
            // a single star stays inside one directory
            "/etc/ssh/*, /etc/ssh/sshd_config, true",
            "/etc/*, /etc/ssh/sshd_config, false",
            // a double star crosses directories
            "/etc/**, /etc/ssh/sshd_config, true",
            "/etc/**/*.conf, /etc/nginx/conf.d/site.conf, true",
            // package keys: name:arch with a star for any architecture or any name
            "openssl:*, openssl:amd64, true",
            "linux-image-*, linux-image-6.1.0-28-amd64:amd64, true",
            "openssl:*, libssl3:amd64, false",
            // regex metacharacters are literal
            "/etc/a+b.(x), /etc/a+b.(x), true",
            "/etc/a.conf, /etc/aXconf, false",
            "/etc/?.conf, /etc/a.conf, true"
    })
    void matches(String pattern, String key, boolean expected) {
        assertThat(KeyPattern.compile(pattern).matches(key)).isEqualTo(expected);
    }

    @Test
    void unsupportedSyntaxIsRefusedWithTheReason() {
        assertThatThrownBy(() -> KeyPattern.compile("/etc/[ab].conf"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'[' is not supported");
        assertThatThrownBy(() -> KeyPattern.compile(" ")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> KeyPattern.compile("/etc/\nx")).hasMessageContaining("control characters");
    }

    @Test
    void literalPatternsAreRecognised() {
        assertThat(KeyPattern.compile("/etc/hosts").isLiteral()).isTrue();
        assertThat(KeyPattern.compile("/etc/*").isLiteral()).isFalse();
    }
}
