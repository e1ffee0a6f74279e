package io.driftproof.loadgen.phase;

import io.driftproof.loadgen.Fleet;
import io.driftproof.loadgen.Progress;
import io.driftproof.loadgen.Result;
import io.driftproof.loadgen.fleet.HostChanges;
import io.driftproof.loadgen.measure.Meters;
import io.driftproof.loadgen.measure.Usage;
import io.driftproof.loadgen.wire.Delivery;
import io.driftproof.loadgen.wire.SimulatedAgent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everyday operation with every stream open: small deltas from random hosts. Paced, each host
 * reports about once per delta interval (the hour compressed into the phase's rate, which is what
 * the collector sees); saturated, a fixed number of reports are always in flight, which gives the
 * sustained maximum.
 */
public final class SteadyDeltas {

    private final Fleet fleet;
    private final Meters meters;
    private final HostChanges changes;
    private final Clock clock;
    private final SplittableRandom random;
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private final List<CompletableFuture<Delivery>> running = new CopyOnWriteArrayList<>();

    public SteadyDeltas(Fleet fleet, Meters meters, HostChanges changes, Clock clock, long seed) {
        this.fleet = fleet;
        this.meters = meters;
        this.changes = changes;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    /** Deltas at the fleet's rate: one per host per {@code interval}. */
    public Result paced(Duration duration, Duration interval) throws InterruptedException {
        double perSecond = fleet.size() / (double) interval.toSeconds();
        long period = (long) (1e9 / perSecond);
        Progress progress = Progress.of("steady deltas at " + String.format("%.2f", perSecond) + "/s",
                (long) (duration.toSeconds() * perSecond));
        Latencies latencies = new Latencies();
        AtomicLong items = new AtomicLong();
        Meters.Window window = meters.start();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long next = start; next < end; next += period) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            report(latencies, items, progress);
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        long sent = awaitRunning();
        Usage usage = window.stop();
        return Result.phase("steady").figure("streams_open", fleet.size()).figure("deltas", sent)
                .figure("deltas_per_s", sent / usage.seconds()).figure("items_per_s", items.get() / usage.seconds())
                .figure("p50_ms", latencies.percentileMs(50)).figure("p99_ms", latencies.percentileMs(99)).usage(usage);
    }

    /** As many deltas as the collector takes with {@code inFlight} reports always waiting for their answers. */
    public Result saturated(Duration duration, int inFlight) {
        Progress progress = Progress.of("saturated deltas, " + inFlight + " in flight", 0);
        Latencies latencies = new Latencies();
        AtomicLong items = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        Meters.Window window = meters.start();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            chains.add(chain(end, latencies, items, progress));
        }
        chains.forEach(CompletableFuture::join);
        long sent = awaitRunning();
        Usage usage = window.stop();
        return Result.phase("deltas_max").figure("in_flight", inFlight).figure("deltas", sent)
                .figure("deltas_per_s", sent / usage.seconds()).figure("items_per_s", items.get() / usage.seconds())
                .figure("p50_ms", latencies.percentileMs(50)).figure("p99_ms", latencies.percentileMs(99)).usage(usage);
    }

    /** Reports one after another until {@code end}. */
    private CompletableFuture<Void> chain(long end, Latencies latencies, AtomicLong items, Progress progress) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        return report(latencies, items, progress).thenCompose(d -> chain(end, latencies, items, progress));
    }

    /** One everyday change on a random host that is not reporting right now. */
    private CompletableFuture<Delivery> report(Latencies latencies, AtomicLong items, Progress progress) {
        int index;
        synchronized (random) {
            do {
                index = random.nextInt(fleet.size());
            } while (!busy.add(index));
        }
        int host = index;
        SimulatedAgent agent = fleet.agents().get(host);
        List<Integer> changed;
        synchronized (random) {
            changed = changes.everyday(agent.host(), random, clock.instant());
        }
        long sentAt = System.nanoTime();
        CompletableFuture<Delivery> delivery = agent.reportChanges(changed).whenComplete((d, e) -> {
            busy.remove(host);
            if (e == null) {
                latencies.add(System.nanoTime() - sentAt);
                items.addAndGet(d.items());
                progress.done();
            }
        });
        running.add(delivery);
        return delivery;
    }

    /** Waits for every report started; returns how many deltas they sent. */
    private long awaitRunning() {
        long deltas = 0;
        for (int i = 0; i < running.size(); i++) {
            deltas += running.get(i).join().deltas();
        }
        running.clear();
        return deltas;
    }
}
