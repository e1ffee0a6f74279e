package io.driftproof.agent.run;

import io.driftproof.agent.Main;
import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.state.AgentStatus;

/** {@code status}: the agent's view and spool counters, read from the state directory (works while the service runs). */
public final class StatusCommand implements AgentCommand {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show the last spooled and acknowledged seq and the spool counters";
    }

    @Override
    public int run(CommandLine line) throws Exception {
        AgentConfig config = new ConfigLoader().load(line.settings());
        AgentStatus.read(config.stateDir(), config.spoolLimit()).print(System.out);
        return Main.EXIT_OK;
    }
}
