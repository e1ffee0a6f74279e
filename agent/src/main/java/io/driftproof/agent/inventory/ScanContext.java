package io.driftproof.agent.inventory;

import io.driftproof.agent.config.AgentConfig;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a collector needs to run one scan.
 *
 * @param root      where the host is read
 * @param config    the agent's validated configuration
 * @param stateDir  the agent's state directory (collectors keep caches under it)
 * @param rehashAll true to ignore incremental caches and re-read everything (full snapshot)
 * @param clock     the agent's clock
 */
public record ScanContext(HostRoot root, AgentConfig config, Path stateDir, boolean rehashAll, Clock clock) {
}
