package io.driftproof.loadgen.phase;

import io.driftproof.loadgen.Fleet;
import io.driftproof.loadgen.Progress;
import io.driftproof.loadgen.Result;
import io.driftproof.loadgen.measure.Meters;
import io.driftproof.loadgen.measure.Usage;
import io.driftproof.loadgen.wire.Delivery;
import io.driftproof.loadgen.wire.SimulatedAgent;

import java.util.List;

/**
 * Every agent opens its stream (Hello, Welcome, clock probe) and sends its first full snapshot,
 * a few snapshots in flight at once, as a fleet does when its collector is new. The streams stay
 * open for the phases after it. The first hosts' snapshots warm the collector up (class loading,
 * JIT compilation) and are not measured: they would measure the compiler, not the ingest.
 */
public final class InitialIngest {

    private InitialIngest() {
    }

    public static Result connect(Fleet fleet, Meters meters, int inFlight) {
        Progress progress = Progress.of("connect", fleet.size());
        Meters.Window window = meters.start();
        Bounded.run(fleet.agents(), inFlight, agent -> agent.connect().whenComplete((v, e) -> progress.done()));
        Usage usage = window.stop();
        return Result.phase("connect").figure("streams", fleet.size())
                .figure("streams_per_s", fleet.size() / usage.seconds()).usage(usage);
    }

    public static Result snapshots(Fleet fleet, Meters meters, int inFlight, int warmupHosts) {
        List<SimulatedAgent> warmup = fleet.agents().subList(0, Math.min(warmupHosts, fleet.size() - 1));
        Progress warming = Progress.of("initial snapshots, warm-up (not measured)", warmup.size());
        Bounded.run(warmup, inFlight, agent -> agent.reportFull().whenComplete((d, e) -> warming.done()));
        List<SimulatedAgent> measured = fleet.agents().subList(warmup.size(), fleet.size());
        Progress progress = Progress.of("initial snapshots", measured.size());
        Meters.Window window = meters.start();
        List<Delivery> delivered = Bounded.run(measured, inFlight,
                agent -> agent.reportFull().whenComplete((d, e) -> progress.done()));
        Usage usage = window.stop();
        long items = delivered.stream().mapToLong(Delivery::items).sum();
        long bytes = delivered.stream().mapToLong(Delivery::bytes).sum();
        return Result.phase("initial").figure("warmup_hosts", warmup.size()).figure("snapshots", delivered.size())
                .figure("items", items)
                .figure("items_per_s", items / usage.seconds())
                .figure("snapshots_per_s", delivered.size() / usage.seconds())
                .figure("wire_mb_per_s", bytes / 1048576.0 / usage.seconds()).usage(usage);
    }
}
