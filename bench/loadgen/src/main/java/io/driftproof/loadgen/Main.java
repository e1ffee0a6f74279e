package io.driftproof.loadgen;

import io.driftproof.agent.transport.ChannelSecurity;
import io.driftproof.loadgen.api.CollectorApi;
import io.driftproof.loadgen.fleet.FleetCatalog;
import io.driftproof.loadgen.fleet.HostChanges;
import io.driftproof.loadgen.measure.Meters;
import io.driftproof.loadgen.phase.InitialIngest;
import io.driftproof.loadgen.phase.PatchStorm;
import io.driftproof.loadgen.phase.SteadyDeltas;
import io.driftproof.loadgen.wire.Channels;

import java.time.Clock;
import java.util.List;

/**
 * Simulates a fleet of agents against a running collector and prints one result line per phase
 * on stdout (progress on stderr). Every scenario starts with the initial ingest: the later phases
 * need the hosts' baselines. Talks plaintext gRPC (the collector's development mode); the
 * collector's admin password comes from DRIFTPROOF_ADMIN_PASSWORD.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(Options.usage());
            return;
        }
        try {
            run(Options.parse(List.of(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("loadgen: failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Options o) throws Exception {
        String password = System.getenv("DRIFTPROOF_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("DRIFTPROOF_ADMIN_PASSWORD must hold the collector's admin password");
        }
        Clock clock = Clock.systemUTC();
        CollectorApi admin = CollectorApi.connect(o.api(), "admin", password).withToken("loadgen", List.of("ADMIN"));
        Meters meters = new Meters(o.collectorPid(), o.postgresDatabase(), o.clockTicks(), admin);
        FleetCatalog catalog = FleetCatalog.generate(o.seed(), o.packages(), o.configFiles());
        HostChanges changes = new HostChanges(catalog, o.stormUpgrades());
        String labels = (o.labels().isEmpty() ? "" : o.labels() + " ") + "hosts=" + o.hosts();
        Channels channels = new Channels(o.target(), ChannelSecurity.plaintext(), o.hosts(), o.streamsPerChannel());
        Fleet fleet = new Fleet(catalog, o.hosts(), channels, clock);
        Progress.note(o.hosts() + " hosts of " + catalog.itemCount() + " items over " + channels.size() + " channels");
        try {
            print(InitialIngest.connect(fleet, meters, o.connectInFlight()), labels);
            print(InitialIngest.snapshots(fleet, meters, o.snapshotsInFlight(), o.warmupHosts()), labels);
            if (o.runs("steady")) {
                SteadyDeltas steady = new SteadyDeltas(fleet, meters, changes, clock, o.seed());
                print(steady.paced(o.steady(), o.deltaInterval()), labels);
                print(steady.saturated(o.saturated(), o.deltasInFlight()), labels);
            }
            if (o.runs("storm")) {
                print(PatchStorm.run(fleet, meters, admin, changes, o.stormHosts(), clock, o.stormTimeout()), labels);
            }
        } finally {
            fleet.close();
            channels.close();
        }
    }

    private static void print(Result result, String labels) {
        System.out.println(result.line(labels));
        System.out.flush();
    }
}
