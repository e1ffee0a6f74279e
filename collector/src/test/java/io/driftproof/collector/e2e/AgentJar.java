package io.driftproof.collector.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real agent jar, run as its own process against the collector under test: plaintext
 * (development mode) or over TLS after {@code enroll}. */
public final class AgentJar {

    private static final String JAR_PROPERTY = "e2e.agent.jar";

    private final Path jar;
    private final int collectorPort;
    private final boolean plaintext;

    private AgentJar(int collectorPort, boolean plaintext) {
        String path = System.getProperty(JAR_PROPERTY);
        assertThat(path).as("system property " + JAR_PROPERTY).isNotBlank();
        this.jar = Path.of(path);
        assertThat(jar).as("agent jar (built by the agent module's package phase)").isRegularFile();
        this.collectorPort = collectorPort;
        this.plaintext = plaintext;
    }

    /** An agent talking to the collector's plain HTTP port without TLS (development mode). */
    public static AgentJar plaintext(int httpPort) {
        return new AgentJar(httpPort, true);
    }

    /** An agent talking to the collector's HTTPS port: mTLS once enrolled. */
    public static AgentJar tls(int httpsPort) {
        return new AgentJar(httpsPort, false);
    }

    /** What a run of the agent printed and how it exited. */
    public record Result(int exitCode, String output) {
    }

    /** {@code enroll --token TOKEN} of the host with the given state directory. */
    public Result enroll(FakeHost host, Path stateDir, String token) {
        return exec(List.of("enroll", "--root", host.root().toString(), "--state-dir", stateDir.toString(),
                "--collector", "localhost:" + collectorPort, "--token", token));
    }

    /** {@code snapshot --send} of the host with the given state directory; asserts it exits 0 and returns its output. */
    public String send(FakeHost host, Path stateDir) {
        Result result = trySend(host, stateDir);
        assertThat(result.exitCode()).as("agent exit code; output:%n%s", result.output()).isZero();
        return result.output();
    }

    /** {@code snapshot --send}, whatever its exit code. */
    public Result trySend(FakeHost host, Path stateDir) {
        List<String> args = new ArrayList<>(List.of("snapshot", "--send",
                "--root", host.root().toString(),
                "--state-dir", stateDir.toString(),
                "--collector", "localhost:" + collectorPort,
                "--collectors", "deb_packages,config_files",
                "--path", "/etc/**",
                "--timeout", "60"));
        if (plaintext) {
            args.add("--plaintext=true");
        }
        return exec(args);
    }

    private Result exec(List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx64m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(args);
        try {
            Path log = Files.createTempFile("agent", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            assertThat(exited).as("agent finished; output:%n%s", output).isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run the agent jar", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
