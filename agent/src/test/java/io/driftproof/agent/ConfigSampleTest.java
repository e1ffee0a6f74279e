package io.driftproof.agent;

import io.driftproof.agent.config.Setting;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample config in deploy/ documents every setting a config file may hold. */
class ConfigSampleTest {

    @Test
    void sampleConfigMentionsEverySetting() throws Exception {
        String sample = Files.readString(Path.of("../deploy/config/agent.conf"));

        assertThat(Arrays.stream(Setting.values()).filter(s -> s != Setting.CONFIG))
                .allSatisfy(s -> assertThat(sample).contains("\n# " + s.key() + " = "));
    }
}
