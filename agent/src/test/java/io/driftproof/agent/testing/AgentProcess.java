package io.driftproof.agent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real agent jar run as a separate process, with the JVM flags of the systemd unit. Uses the
 * jar's own config_files collector when it has one; otherwise adds the test collector to the
 * class path (registered through a service file in a temporary directory), so the jar is still
 * the agent under test.
 */
public final class AgentProcess {

    /** The systemd unit's heap and JIT settings: the agent must work within them. */
    private static final List<String> JVM_FLAGS = List.of("-Xmx14m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=48m", "-Xss512k");

    private final Path work;
    private final List<String> classPath;
    private final String collectorId;

    private AgentProcess(Path work, List<String> classPath, String collectorId) {
        this.work = work;
        this.classPath = classPath;
        this.collectorId = collectorId;
    }

    /** @param work a scratch directory for logs and the test collector's registration */
    public static AgentProcess locate(Path work) throws IOException, InterruptedException {
        String property = System.getProperty("driftproof.agent.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("system property driftproof.agent.jar must name the shaded agent jar, got " + property);
        }
        Path jar = Path.of(property);
        AgentProcess plain = new AgentProcess(work, List.of(jar.toString()), "config_files");
        Path probeRoot = Files.createDirectories(work.resolve("probe-root"));
        Result probe = plain.run("snapshot", "--print", "--collectors", "config_files", "--root", probeRoot.toString());
        if (probe.exitCode() == 0) {
            return plain;
        }
        Path plugin = work.resolve("test-collector");
        Files.createDirectories(plugin.resolve("META-INF/services"));
        Files.writeString(plugin.resolve("META-INF/services/io.driftproof.agent.inventory.Collector"),
                TreeCollector.class.getName() + "\n");
        String testClasses = Path.of(TreeCollector.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        return new AgentProcess(work, List.of(jar.toString(), plugin.toString(), testClasses), TreeCollector.ID);
    }

    /** The collector the agent runs: config_files from the jar, or the test collector. */
    public String collectorId() {
        return collectorId;
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add("io.driftproof.agent.Main");
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the agent; its stdout and stderr go to {@code log}. */
    public Process start(Path log, String... args) throws IOException {
        return new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** What a finished agent command printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs an agent command to completion. */
    public Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("agent " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
