package io.driftproof.agent.snapshot;

import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.HostInfo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who the host is: machine-id, hostname, OS and kernel, read under the host root so a mounted
 * image or a fixture tree describes itself.
 */
public final class HostIdentity {

    private HostIdentity() {
    }

    public static HostInfo read(HostRoot root) {
        return HostInfo.newBuilder()
                .setHostId(firstLine(root.resolve("/etc/machine-id"))
                        .or(() -> firstLine(root.resolve("/var/lib/dbus/machine-id")))
                        .orElse(""))
                .setHostname(hostname(root))
                .setOs(osName(root))
                .setKernel(kernel(root))
                .setArch(root.isLive() ? System.getProperty("os.arch") : "")
                .build();
    }

    private static String hostname(HostRoot root) {
        Optional<String> file = firstLine(root.resolve("/etc/hostname"));
        if (file.isPresent() || !root.isLive()) {
            return file.orElse("");
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    static String osName(HostRoot root) {
        for (String candidate : List.of("/etc/os-release", "/usr/lib/os-release")) {
            Path file = root.resolve(candidate);
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("PRETTY_NAME=")) {
                        return unquote(line.substring("PRETTY_NAME=".length()));
                    }
                }
            } catch (IOException e) {
                // try the next location
            }
        }
        return "";
    }

    private static String kernel(HostRoot root) {
        if (root.isLive()) {
            return firstLine(Path.of("/proc/sys/kernel/osrelease")).orElse(System.getProperty("os.version"));
        }
        return firstLine(root.resolve("/proc/sys/kernel/osrelease")).orElse("");
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static Optional<String> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(lines.get(0).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
