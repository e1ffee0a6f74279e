package io.driftproof.agent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run                                                   | run needs --collector HOST:PORT",
            "run --collector 127.0.0.1:9 --state-dir /nonexistent/x | --plaintext=true for development",
            "snapshot                                              | either --print or --send",
            "snapshot --print --send                               | either --print or --send",
            "snapshot --send --timeout soon --collector h:1        | timeout: 'soon' is not a duration",
            "snapshot --print --timeout 5                          | --timeout only applies to snapshot --send",
            "snapshot --send --plaintext=true                      | snapshot --send needs --collector HOST:PORT",
            "status --bogus                                        | unknown flag --bogus",
    })
    void badUsageIsOneLineAndExitTwo(String args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(args.strip().split("\\s+"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(Main.EXIT_USAGE);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        assertThat(text).startsWith("driftproof-agent: ").contains(message);
    }
}
