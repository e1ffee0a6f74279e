package io.driftproof.agent.collect;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.Setting;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scan contexts for collector tests, built from the declared defaults only (never from a
 * config file that happens to exist on the test machine).
 */
public final class TestScans {

    private TestScans() {
    }

    /** A scan of {@code root} with the default settings. */
    public static ScanContext context(HostRoot root, Path stateDir) {
        return context(root, stateDir, false, Setting.PATH.defaults(),
                Long.parseLong(Setting.CONTENT_LIMIT.defaults().get(0)));
    }

    public static ScanContext context(HostRoot root, Path stateDir, boolean rehashAll, List<String> paths, long contentLimit) {
        AgentConfig config = new AgentConfig(root.path(), paths, Setting.EXCLUDE.defaults(), Setting.SENSITIVE.defaults(),
                contentLimit, Optional.empty(), stateDir, Duration.ofHours(1), Long.MAX_VALUE, Set.of(), false);
        return new ScanContext(root, config, stateDir, rehashAll, Clock.systemUTC());
    }
}
