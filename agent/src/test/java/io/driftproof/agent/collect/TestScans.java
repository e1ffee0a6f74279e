package io.driftproof.agent.collect;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Scan contexts for collector tests. */
public final class TestScans {

    private TestScans() {
    }

    /** A scan of {@code root} with the default settings. */
    public static ScanContext context(HostRoot root, Path stateDir) {
        return context(root, stateDir, false, AgentConfig.defaults().paths(), AgentConfig.defaults().contentLimit());
    }

    public static ScanContext context(HostRoot root, Path stateDir, boolean rehashAll, List<String> paths, long contentLimit) {
        AgentConfig d = AgentConfig.defaults();
        AgentConfig config = new AgentConfig(root.path(), paths, d.excludes(), d.sensitive(), contentLimit,
                d.collector(), stateDir, d.fullScanInterval(), d.spoolLimit(), d.collectors(), d.plaintext());
        return new ScanContext(root, config, stateDir, rehashAll, Clock.systemUTC());
    }
}
