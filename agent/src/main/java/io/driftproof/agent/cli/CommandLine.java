package io.driftproof.agent.cli;

import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.config.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parsed command line of one agent command: settings ({@code --key value} or
 * {@code --key=value}, see {@link Setting}), the command's own switches ({@code --print}) and
 * options ({@code --token T}).
 */
public final class CommandLine {

    private final List<ConfigLoader.Assignment> settings;
    private final Set<String> switches;
    private final Map<String, String> options;
    private final boolean help;

    private CommandLine(List<ConfigLoader.Assignment> settings, Set<String> switches, Map<String, String> options, boolean help) {
        this.settings = settings;
        this.switches = switches;
        this.options = options;
        this.help = help;
    }

    /**
     * @param allowedSwitches flags without a value this command accepts
     * @param allowedOptions  flags with a value this command accepts besides the settings
     */
    public static CommandLine parse(List<String> args, Set<String> allowedSwitches, Set<String> allowedOptions) {
        List<ConfigLoader.Assignment> settings = new ArrayList<>();
        Set<String> switches = new java.util.TreeSet<>();
        Map<String, String> options = new TreeMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("unexpected argument '" + arg + "' (see --help)");
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (allowedSwitches.contains(name)) {
                if (inlineValue != null) {
                    throw new ConfigException("--" + name + " takes no value");
                }
                switches.add(name);
                continue;
            }
            Optional<Setting> setting = Setting.byKey(name);
            if (setting.isEmpty() && !allowedOptions.contains(name)) {
                throw new ConfigException("unknown flag --" + name + " (see --help)");
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new ConfigException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (setting.isPresent() && setting.get() == Setting.PLAINTEXT && inlineValue == null) {
                throw new ConfigException("use --plaintext=true to connect without TLS");
            }
            if (setting.isPresent()) {
                settings.add(new ConfigLoader.Assignment(setting.get(), value));
            } else {
                options.put(name, value);
            }
        }
        return new CommandLine(List.copyOf(settings), Set.copyOf(switches), Map.copyOf(options), help);
    }

    public List<ConfigLoader.Assignment> settings() {
        return settings;
    }

    public boolean has(String switchName) {
        return switches.contains(switchName);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean help() {
        return help;
    }
}
