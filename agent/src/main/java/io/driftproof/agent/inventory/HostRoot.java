package io.driftproof.agent.inventory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The filesystem root under which the host is read: {@code /} on a live host, {@code /host} in a
 * container, a fixture tree in a test. Items always name the host's own absolute paths; only
 * reading goes through this root.
 */
public final class HostRoot {

    private final Path root;

    private HostRoot(Path root) {
        this.root = root;
    }

    public static HostRoot of(Path root) {
        return new HostRoot(root.toAbsolutePath().normalize());
    }

    public static HostRoot live() {
        return of(Path.of("/"));
    }

    public Path path() {
        return root;
    }

    /** True when the root is this machine's own {@code /}, so OS APIs (OSHI, package tools) describe the host. */
    public boolean isLive() {
        return root.getNameCount() == 0;
    }

    /** Where the host's absolute path {@code hostPath} is on this machine, e.g. {@code /etc/x -> /host/etc/x}. */
    public Path resolve(String hostPath) {
        if (!hostPath.startsWith("/")) {
            throw new IllegalArgumentException("host path must be absolute: " + hostPath);
        }
        return root.resolve(hostPath.substring(1));
    }

    /** The host's absolute path for a path under this root, e.g. {@code /host/etc/x -> /etc/x}. */
    public String hostPath(Path local) {
        Path relative = root.relativize(local.toAbsolutePath().normalize());
        String text = relative.toString();
        return text.isEmpty() ? "/" : "/" + text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostRoot other && other.root.equals(root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
