package io.driftproof.agent.cli;

import java.util.Map;
import java.util.Set;

/** One sub-command of {@code driftproof-agent}. */
public interface AgentCommand {

    String name();

    /** One line for the command list. */
    String summary();

    /** Switches (no value) the command accepts, with their descriptions. */
    default Map<String, String> switches() {
        return Map.of();
    }

    /** Options (with a value) the command accepts besides the settings, with their descriptions. */
    default Map<String, String> options() {
        return Map.of();
    }

    default Set<String> switchNames() {
        return switches().keySet();
    }

    /** @return the process exit code */
    int run(CommandLine commandLine) throws Exception;
}
