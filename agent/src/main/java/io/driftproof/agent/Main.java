package io.driftproof.agent;

import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.cli.Usage;
import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.enroll.EnrollCommand;
import io.driftproof.agent.run.RunCommand;
import io.driftproof.agent.run.StatusCommand;
import io.driftproof.agent.snapshot.SnapshotCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code driftproof-agent COMMAND [flags]}. Exit codes: 0 ok, 1 failure, 2 bad usage or config. */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        AgentLogging.configure();
        System.exit(run(args, System.out, System.err));
    }

    static List<AgentCommand> commands() {
        return List.of(new EnrollCommand(), new SnapshotCommand(), new RunCommand(), new StatusCommand());
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<AgentCommand> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            Usage.print(args.length == 0 ? err : out, commands);
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            out.println("driftproof-agent " + AgentVersion.get());
            return EXIT_OK;
        }
        Optional<AgentCommand> command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isEmpty()) {
            err.println("driftproof-agent: unknown command '" + args[0] + "' (see driftproof-agent --help)");
            return EXIT_USAGE;
        }
        try {
            CommandLine line = CommandLine.parse(Arrays.asList(args).subList(1, args.length),
                    command.get().switchNames(), command.get().options().keySet());
            if (line.help()) {
                Usage.print(out, command.get());
                return EXIT_OK;
            }
            return command.get().run(line);
        } catch (ConfigException e) {
            err.println("driftproof-agent: " + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            err.println("driftproof-agent: " + args[0] + " failed: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }
}
