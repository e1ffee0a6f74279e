package io.driftproof.agent.collect.deb;

import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.collect.PackageRecord;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Installed Debian packages, read straight from dpkg's status database under the host root (no
 * dpkg binary needed, so a mounted image or a container's {@code /host} reads the same way).
 * Installation time is the modification time of the package's file list in
 * {@code /var/lib/dpkg/info}, which dpkg rewrites on every install and upgrade.
 */
public final class DebPackagesCollector implements Collector {

    public static final String ID = "deb_packages";
    static final String STATUS = "/var/lib/dpkg/status";
    private static final String INFO = "/var/lib/dpkg/info/";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(ScanContext context) {
        return Files.isRegularFile(context.root().resolve(STATUS));
    }

    @Override
    public List<String> watchPaths() {
        return List.of(STATUS);
    }

    @Override
    public void collect(ScanContext context, CollectorOutput output) {
        HostRoot root = context.root();
        PackageList list;
        try (InputStream in = Files.newInputStream(root.resolve(STATUS))) {
            list = DpkgStatusParser.parse(in);
        } catch (IOException e) {
            output.problem(STATUS, "cannot read the dpkg status database: " + e.getMessage());
            return;
        }
        list.problems().forEach(p -> output.problem(STATUS, p));
        for (PackageRecord p : list.packages()) {
            PackageRecord withTime = installedAt(root, p).map(p::withInstalledAt).orElse(p);
            output.item(withTime.toItem("dpkg", ID));
        }
    }

    /** Multi-Arch: same packages keep their list as {@code name:arch.list}, the others (most) as {@code name.list}. */
    private static Optional<Instant> installedAt(HostRoot root, PackageRecord p) {
        for (String list : new String[] {p.name() + ".list", p.name() + ":" + p.arch() + ".list"}) {
            Path file = root.resolve(INFO + list);
            try {
                return Optional.of(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant());
            } catch (IOException e) {
                // not under this name
            }
        }
        return Optional.empty();
    }
}
