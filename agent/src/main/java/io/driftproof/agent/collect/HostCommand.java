package io.driftproof.agent.collect;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a package or firmware tool of this machine with a timeout, so a hung tool never hangs the
 * scan. Standard input is empty; standard output is returned whole (these tools print at most a
 * few hundred kilobytes); the first line of standard error goes into the failure message.
 */
public final class HostCommand {

    /** How long to wait for the output pipes to close once the process has exited or was killed. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private HostCommand() {
    }

    /** The executable {@code name} on this machine's {@code PATH}, if any. */
    public static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the command's standard output
     * @throws IOException when it cannot start, exits with a non-zero status or runs past the timeout
     */
    public static byte[] run(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        FutureTask<byte[]> stdout = drain(process.getInputStream(), "stdout");
        FutureTask<byte[]> stderr = drain(process.getErrorStream(), "stderr");
        String name = Path.of(command.get(0)).getFileName().toString();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s and was killed");
            }
            byte[] out = stdout.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                String err = firstLine(stderr.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS));
                throw new IOException(name + " exited with status " + process.exitValue()
                        + (err.isEmpty() ? "" : ": " + err));
            }
            return out;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(name + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            // The process is gone but something it started still holds the pipe open.
            throw new IOException(name + " exited but its output did not end", e);
        }
    }

    private static FutureTask<byte[]> drain(InputStream stream, String which) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (stream) {
                return stream.readAllBytes();
            }
        });
        Thread reader = new Thread(task, "driftproof-command-" + which);
        reader.setDaemon(true);
        reader.start();
        return task;
    }

    private static String firstLine(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
