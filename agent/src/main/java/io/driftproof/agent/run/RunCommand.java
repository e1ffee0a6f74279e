package io.driftproof.agent.run;

import io.driftproof.agent.Main;
import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.snapshot.SnapshotCommand;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.agent.transport.Backoff;

import java.time.Clock;
import java.time.Duration;

/** {@code run}: the agent as a service, until SIGTERM (a shutdown hook stops it cleanly). */
public final class RunCommand implements AgentCommand {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run as a service: watch the host, spool every change, deliver it to the collector";
    }

    @Override
    public int run(CommandLine line) throws Exception {
        AgentConfig config = new ConfigLoader().load(line.settings());
        RunningAgent agent = new RunningAgent(config, new SnapshotTaker(SnapshotCommand.enabledCollectors(config)),
                Backoff.standard(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.stop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "driftproof-shutdown"));
        agent.run();
        return Main.EXIT_OK;
    }
}
