package io.driftproof.agent.cli;

import io.driftproof.agent.config.Setting;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The {@code --help} text, generated from the commands and the declared settings. */
public final class Usage {

    private Usage() {
    }

    public static void print(PrintStream out, List<AgentCommand> commands) {
        out.println("usage: driftproof-agent COMMAND [flags]");
        out.println();
        out.println("driftproof agent: inventories this host (packages, firmware, config files) and");
        out.println("streams every change to the driftproof collector.");
        out.println();
        out.println("commands:");
        for (AgentCommand c : commands) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("'driftproof-agent COMMAND --help' lists the command's flags.");
    }

    public static void print(PrintStream out, AgentCommand command) {
        out.println("usage: driftproof-agent " + command.name() + " [flags]");
        out.println();
        out.println(command.summary());
        if (!command.switches().isEmpty() || !command.options().isEmpty()) {
            out.println();
            out.println(command.name() + " flags:");
            for (Map.Entry<String, String> e : command.switches().entrySet()) {
                out.printf("  --%-24s %s%n", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : command.options().entrySet()) {
                out.printf("  --%-24s %s%n", e.getKey() + " VALUE", e.getValue());
            }
        }
        out.println();
        out.println("settings (flags, or 'key = value' lines in the config file):");
        for (Setting s : Setting.values()) {
            String defaults = String.join(", ", s.defaults());
            out.printf("  --%-24s %s%s%n", s.key() + " VALUE", s.description(),
                    defaults.isEmpty() ? "" : " [default: " + defaults + "]");
        }
    }
}
