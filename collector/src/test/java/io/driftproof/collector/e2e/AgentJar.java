package io.driftproof.collector.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real agent jar, run as its own process against the collector under test. */
final class AgentJar {

    private static final String JAR_PROPERTY = "e2e.agent.jar";

    private final Path jar;
    private final int collectorPort;

    AgentJar(int collectorPort) {
        String path = System.getProperty(JAR_PROPERTY);
        assertThat(path).as("system property " + JAR_PROPERTY).isNotBlank();
        this.jar = Path.of(path);
        assertThat(jar).as("agent jar (built by the agent module's package phase)").isRegularFile();
        this.collectorPort = collectorPort;
    }

    /** {@code snapshot --send} of the host with the given state directory; asserts it exits 0 and returns its stderr. */
    String send(FakeHost host, Path stateDir) {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(), "-Xmx64m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "snapshot", "--send",
                "--root", host.root().toString(),
                "--state-dir", stateDir.toString(),
                "--collector", "localhost:" + collectorPort,
                "--plaintext=true",
                "--collectors", "deb_packages,config_files",
                "--path", "/etc/**",
                "--timeout", "60"));
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
            assertThat(process.exitValue()).as("agent exit code; output:%n%s", output).isZero();
            return output;
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
