package io.driftproof.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's validated configuration. Every setting is declared once, with its default and
 * description, in {@link Setting}; this record is what the rest of the agent reads.
 *
 * @param root             where the host's filesystem is read
 * @param paths            config-file globs (host paths)
 * @param excludes         globs left out of the config-file scan
 * @param sensitive        globs whose content never leaves the host (hash only)
 * @param contentLimit     largest text file whose content ships, in bytes
 * @param collector        collector address host:port, if any
 * @param stateDir         where the agent keeps its state, caches and spool
 * @param fullScanInterval time between periodic full scans in {@code run}
 * @param spoolLimit       spool size limit in bytes
 * @param collectors       ids of enabled collectors; empty means all
 * @param plaintext        connect without TLS (development only)
 */
public record AgentConfig(
        Path root,
        List<String> paths,
        List<String> excludes,
        List<String> sensitive,
        long contentLimit,
        Optional<String> collector,
        Path stateDir,
        Duration fullScanInterval,
        long spoolLimit,
        Set<String> collectors,
        boolean plaintext) {

    public AgentConfig {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        sensitive = List.copyOf(sensitive);
        collectors = Set.copyOf(collectors);
    }

    public boolean collectorEnabled(String id) {
        return collectors.isEmpty() || collectors.contains(id);
    }

    /** The defaults, as a fresh install has them. */
    public static AgentConfig defaults() {
        return new ConfigLoader().load(List.of());
    }
}
