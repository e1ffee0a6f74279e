package io.driftproof.agent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    /** Well-formed, pinning nothing real: usage checks come before any connection. */
    private static final String VALID_TOKEN = "dpe1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run                                                   | run needs --collector HOST:PORT",
            "run --collector 127.0.0.1:9 --state-dir /nonexistent/x | --plaintext=true for development",
            "snapshot                                              | exactly one of --print, --spool or --send",
            "snapshot --print --send                               | exactly one of --print, --spool or --send",
            "snapshot --send --timeout soon --collector h:1        | timeout: 'soon' is not a duration",
            "snapshot --print --timeout 5                          | --timeout only applies to snapshot --send",
            "snapshot --send --plaintext=true                      | snapshot --send needs --collector HOST:PORT",
            "status --bogus                                        | unknown flag --bogus",
            "enroll --collector 127.0.0.1:9                        | enroll needs either --token T or --token-file FILE",
            "enroll --collector 127.0.0.1:9 --token T --token-file /x | enroll needs either --token T or --token-file FILE",
            "enroll --collector 127.0.0.1:9 --token nope           | token: an enrollment token has the form dpe1.<secret>.<ca-pin>",
            "enroll --collector 127.0.0.1:9 --token-file /nonexistent/t | token-file: /nonexistent/t does not exist",
            "enroll --token TOKEN --state-dir /nonexistent/x       | enroll needs --collector HOST:PORT",
            "enroll --token TOKEN --collector 127.0.0.1:9 --plaintext=true | enroll always uses TLS",
    })
    void badUsageIsOneLineAndExitTwo(String args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(args.strip().replace("TOKEN", VALID_TOKEN).split("\\s+"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(Main.EXIT_USAGE);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        assertThat(text).startsWith("driftproof-agent: ").contains(message);
    }
}
