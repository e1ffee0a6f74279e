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
import io.driftproof.agent.run.Scanner;
import io.driftproof.agent.run.SnapshotSender;
import io.driftproof.agent.state.AgentState;
import io.driftproof.agent.state.RecordResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code snapshot}: one scan of the host. {@code --print} writes it as JSON to stdout;
 * {@code --spool} only spools its delta for {@code run} to deliver; {@code --send} spools it and
 * delivers everything pending to the collector.
 */
public final class SnapshotCommand implements AgentCommand {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public String summary() {
        return "scan the host once: --print writes the snapshot as JSON to stdout, --spool records its delta for run"
                + " to deliver, --send delivers it to the collector";
    }

    @Override
    public Map<String, String> switches() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("print", "write the snapshot as JSON to stdout");
        s.put("spool", "record the snapshot's delta in the state directory; `run` delivers it (works with no collector)");
        s.put("send", "spool the snapshot's delta and deliver everything pending; exit 0 once the collector acknowledged it");
        return s;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("timeout", "with --send, give up after this long (ISO-8601 duration or seconds) [default: "
                + DEFAULT_TIMEOUT.toSeconds() + "]");
    }

    @Override
    public int run(CommandLine line) throws Exception {
        boolean print = line.has("print");
        boolean spool = line.has("spool");
        boolean send = line.has("send");
        if ((print ? 1 : 0) + (spool ? 1 : 0) + (send ? 1 : 0) != 1) {
            throw new ConfigException("snapshot needs exactly one of --print, --spool or --send");
        }
        if (!send && line.option("timeout").isPresent()) {
            throw new ConfigException("--timeout only applies to snapshot --send");
        }
        Duration timeout = line.option("timeout").map(v -> ConfigLoader.duration("timeout", v)).orElse(DEFAULT_TIMEOUT);
        AgentConfig config = new ConfigLoader().load(line.settings());
        SnapshotTaker taker = new SnapshotTaker(enabledCollectors(config));
        if (send) {
            new SnapshotSender(config, taker, Clock.systemUTC()).send(timeout);
            return Main.EXIT_OK;
        }
        HostRoot root = HostRoot.of(config.root());
        if (spool) {
            return spool(config, taker, root);
        }
        ScanContext context = new ScanContext(root, config, config.stateDir(), false, Clock.systemUTC());
        Snapshot snapshot = taker.take(context, HostIdentity.read(root));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        SnapshotJson.write(snapshot, out);
        out.flush();
        return Main.EXIT_OK;
    }

    private static int spool(AgentConfig config, SnapshotTaker taker, HostRoot root) throws IOException {
        try (AgentState state = AgentState.open(config.stateDir(), config.spoolLimit())) {
            RecordResult result = new Scanner(taker, config, root, HostIdentity.read(root), state, Clock.systemUTC()).scan();
            switch (result.outcome()) {
                case RECORDED -> System.out.println("spooled delta seq " + result.seq() + " (" + result.changes() + " changes)");
                case UNCHANGED -> System.out.println("nothing changed since seq " + result.seq());
                default -> throw new IOException(result.message());
            }
        }
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
