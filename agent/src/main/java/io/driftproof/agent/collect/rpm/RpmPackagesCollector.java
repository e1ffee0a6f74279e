package io.driftproof.agent.collect.rpm;

import io.driftproof.agent.collect.HostCommand;
import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Installed RPM packages. The rpm database (Berkeley DB, NDB or SQLite, depending on the
 * distribution) has no stable format to read directly, so this asks this machine's {@code rpm}
 * to query the database under the host root, with a timeout.
 */
public final class RpmPackagesCollector implements Collector {

    public static final String ID = "rpm_packages";
    /** Newer distributions keep the database here, older ones (and a compatibility link) in /var/lib/rpm. */
    private static final List<String> DB_PATHS = List.of("/usr/lib/sysimage/rpm", "/var/lib/rpm");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Supplier<Optional<Path>> rpmBinary;
    private final Duration timeout;

    public RpmPackagesCollector() {
        this(() -> HostCommand.find("rpm"), TIMEOUT);
    }

    /** For tests: a stand-in {@code rpm} and a short timeout. */
    RpmPackagesCollector(Supplier<Optional<Path>> rpmBinary, Duration timeout) {
        this.rpmBinary = rpmBinary;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(ScanContext context) {
        return dbPath(context.root()).isPresent();
    }

    @Override
    public List<String> watchPaths() {
        return DB_PATHS.stream().map(dir -> dir + "/*").toList();
    }

    @Override
    public void collect(ScanContext context, CollectorOutput output) {
        HostRoot root = context.root();
        Optional<String> dbPath = dbPath(root);
        if (dbPath.isEmpty()) {
            return;
        }
        Optional<Path> rpm = rpmBinary.get();
        if (rpm.isEmpty()) {
            output.problem(dbPath.get(), "an rpm database exists but no rpm binary is on PATH to read it");
            return;
        }
        List<String> command = List.of(rpm.get().toString(), "-qa", "--root", root.path().toString(),
                "--dbpath", dbPath.get(), "--qf", RpmQueryParser.QUERY_FORMAT);
        PackageList list;
        try {
            list = RpmQueryParser.parse(new ByteArrayInputStream(HostCommand.run(command, timeout)));
        } catch (IOException e) {
            output.problem(dbPath.get(), "cannot query the rpm database: " + e.getMessage());
            return;
        }
        list.problems().forEach(p -> output.problem(dbPath.get(), "rpm query output " + p));
        list.packages().forEach(p -> output.item(p.toItem("rpm", ID)));
    }

    /** The host path of the rpm database directory; rpm resolves it under {@code --root}. */
    private static Optional<String> dbPath(HostRoot root) {
        return DB_PATHS.stream().filter(p -> Files.isDirectory(root.resolve(p))).findFirst();
    }
}
