package io.driftproof.collector.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A host tree on disk for the real agent's {@code --root}: identity, a dpkg database and /etc files. */
public final class FakeHost {

    private final Path root;
    private final String hostId = UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> packages = new TreeMap<>();

    public FakeHost(Path root) {
        this.root = root;
        write("/etc/machine-id", hostId + "\n");
        write("/etc/hostname", "e2e-" + hostId.substring(0, 8) + "\n");
        write("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n");
    }

    public Path root() {
        return root;
    }

    public String hostId() {
        return hostId;
    }

    public FakeHost write(String hostPath, String content) {
        return write(hostPath, content.getBytes(StandardCharsets.UTF_8));
    }

    FakeHost write(String hostPath, byte[] content) {
        Path file = local(hostPath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeHost chmod(String hostPath, String permissions) {
        try {
            Files.setPosixFilePermissions(local(hostPath), PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Creates or retargets a symbolic link. */
    FakeHost symlink(String hostPath, String target) {
        Path link = local(hostPath);
        try {
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeHost delete(String hostPath) {
        try {
            Files.delete(local(hostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Installs, upgrades (same name, new version) or, with a null version, removes an amd64 package. */
    public FakeHost dpkg(String name, String version) {
        if (version == null) {
            packages.remove(name);
        } else {
            packages.put(name, version);
        }
        StringBuilder status = new StringBuilder();
        packages.forEach((n, v) -> status.append("Package: ").append(n).append('\n')
                .append("Status: install ok installed\n")
                .append("Priority: optional\n")
                .append("Architecture: amd64\n")
                .append("Version: ").append(v).append('\n')
                .append("Description: ").append(n).append(" package\n")
                .append(" with a continuation line\n\n"));
        return write("/var/lib/dpkg/status", status.toString());
    }

    private Path local(String hostPath) {
        return root.resolve(hostPath.substring(1));
    }
}
