package io.driftproof.agent.snapshot;

import io.driftproof.agent.Main;
import io.driftproof.agent.cli.AgentCommand;
import io.driftproof.agent.cli.CommandLine;
import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.config.ConfigLoader;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.Inventory;
import io.driftproof.agent.inventory.ScanContext;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code snapshot --print}: one scan of the host, as JSON on stdout. */
public final class SnapshotCommand implements AgentCommand {

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public String summary() {
        return "scan the host once: --print writes the snapshot as JSON to stdout";
    }

    @Override
    public Map<String, String> switches() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("print", "write the snapshot as JSON to stdout");
        return s;
    }

    @Override
    public int run(CommandLine line) throws Exception {
        if (!line.has("print")) {
            throw new ConfigException("snapshot needs --print");
        }
        AgentConfig config = new ConfigLoader().load(line.settings());
        List<Collector> collectors = enabledCollectors(config);
        HostRoot root = HostRoot.of(config.root());
        ScanContext context = new ScanContext(root, config, config.stateDir(), false, Clock.systemUTC());
        Snapshot snapshot = new SnapshotTaker(collectors).take(context, HostIdentity.read(root));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        SnapshotJson.write(snapshot, out);
        out.flush();
        return Main.EXIT_OK;
    }

    /** The discovered collectors, after checking that every id named in the config exists. */
    public static List<Collector> enabledCollectors(AgentConfig config) {
        List<Collector> all = Inventory.discover();
        for (String id : config.collectors()) {
            if (all.stream().noneMatch(c -> c.id().equals(id))) {
                throw new ConfigException("collectors: unknown collector '" + id + "' (known: "
                        + String.join(", ", all.stream().map(Collector::id).toList()) + ")");
            }
        }
        return all;
    }
}
