package io.driftproof.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The load generator's command line: {@code --name value} pairs, each with a default. */
record Options(String target, URI api, int hosts, String scenario, int packages, int configFiles, long seed,
               int streamsPerChannel, int connectInFlight, int snapshotsInFlight, int warmupHosts, Duration steady,
               Duration deltaInterval, Duration saturated, int deltasInFlight, int stormHosts, int stormUpgrades,
               Duration stormTimeout, long collectorPid, Optional<String> postgresDatabase, long clockTicks,
               String labels) {

    static final Set<String> SCENARIOS = Set.of("initial", "steady", "storm", "all");

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("target", "127.0.0.1:18080"), Map.entry("api", "http://127.0.0.1:18080"),
            Map.entry("hosts", "100"), Map.entry("scenario", "all"),
            Map.entry("packages", "2000"), Map.entry("config-files", "1000"), Map.entry("seed", "20250601"),
            Map.entry("streams-per-channel", "100"), Map.entry("connect-in-flight", "32"),
            Map.entry("snapshots-in-flight", "4"), Map.entry("warmup-hosts", "30"), Map.entry("steady-seconds", "60"),
            Map.entry("delta-interval-seconds", "3600"), Map.entry("saturated-seconds", "30"),
            Map.entry("deltas-in-flight", "8"), Map.entry("storm-hosts", "1000"), Map.entry("storm-upgrades", "200"),
            Map.entry("storm-timeout-seconds", "300"), Map.entry("collector-pid", ""),
            Map.entry("postgres-database", ""), Map.entry("clock-ticks", "100"), Map.entry("labels", ""));

    /** One line per option with its default. */
    static String usage() {
        StringBuilder out = new StringBuilder("driftproof-loadgen [--option value ...]; options and defaults:\n");
        new TreeMap<>(DEFAULTS).forEach((name, value) -> out.append("  --").append(name).append(' ')
                .append(value.isEmpty() ? "(none)" : value).append('\n'));
        return out.append("DRIFTPROOF_ADMIN_PASSWORD: the collector's admin password (required)").toString();
    }

    static Options parse(List<String> args) {
        Map<String, String> given = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i).startsWith("--") ? args.get(i).substring(2) : "";
            if (!DEFAULTS.containsKey(name) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unknown option or missing value: " + args.get(i)
                        + " (--help lists the options)");
            }
            given.put(name, args.get(i + 1));
        }
        if (!SCENARIOS.contains(given.get("scenario"))) {
            throw new IllegalArgumentException("--scenario must be one of " + SCENARIOS);
        }
        if (given.get("collector-pid").isEmpty()) {
            throw new IllegalArgumentException("--collector-pid is required: the collector's CPU is what is measured");
        }
        return new Options(given.get("target"), URI.create(given.get("api")), number(given, "hosts"), given.get("scenario"),
                number(given, "packages"), number(given, "config-files"), Long.parseLong(given.get("seed")),
                number(given, "streams-per-channel"), number(given, "connect-in-flight"),
                number(given, "snapshots-in-flight"), number(given, "warmup-hosts"), seconds(given, "steady-seconds"),
                seconds(given, "delta-interval-seconds"), seconds(given, "saturated-seconds"),
                number(given, "deltas-in-flight"), number(given, "storm-hosts"), number(given, "storm-upgrades"),
                seconds(given, "storm-timeout-seconds"), Long.parseLong(given.get("collector-pid")),
                Optional.of(given.get("postgres-database")).filter(s -> !s.isEmpty()),
                Long.parseLong(given.get("clock-ticks")), given.get("labels"));
    }

    boolean runs(String phase) {
        return scenario.equals("all") || scenario.equals(phase);
    }

    private static int number(Map<String, String> given, String name) {
        try {
            int n = Integer.parseInt(given.get(name));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a positive number, got '" + given.get(name) + "'");
        }
    }

    private static Duration seconds(Map<String, String> given, String name) {
        return Duration.ofSeconds(number(given, name));
    }
}
