package io.driftproof.loadgen.phase;

import io.driftproof.loadgen.Fleet;
import io.driftproof.loadgen.Progress;
import io.driftproof.loadgen.Result;
import io.driftproof.loadgen.api.CollectorApi;
import io.driftproof.loadgen.fleet.HostChanges;
import io.driftproof.loadgen.measure.Meters;
import io.driftproof.loadgen.measure.Usage;
import io.driftproof.loadgen.wire.Delivery;
import io.driftproof.loadgen.wire.SimulatedAgent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Patch day: an approved monthly record covers the upgrades; every host of the storm scans once
 * (nothing changed yet), then all of them upgrade the same packages and report at once. The
 * storm is over when every observed change is read back with its reconciliation status, which
 * is timed from the first delta sent (the read-back included).
 */
public final class PatchStorm {

    private static final Duration POLL = Duration.ofSeconds(2);

    private PatchStorm() {
    }

    public static Result run(Fleet fleet, Meters meters, CollectorApi admin, HostChanges changes, int hosts, Clock clock,
                             Duration timeout) throws InterruptedException {
        List<SimulatedAgent> storm = fleet.agents().subList(0, Math.min(hosts, fleet.size()));
        Progress.note("patch storm: tagging " + storm.size() + " hosts and approving the monthly patching record");
        long record = PatchCycle.approve(admin, storm, changes, clock.instant());
        // The scan before the upgrades runs after the approval, so the approval is before every change's interval.
        Thread.sleep(1000);
        Instant scan = clock.instant();
        storm.forEach(agent -> agent.scannedUnchanged(scan));
        Thread.sleep(1000);

        Progress progress = Progress.of("patch storm deltas", storm.size());
        Meters.Window window = meters.start();
        long start = System.nanoTime();
        List<CompletableFuture<Delivery>> deliveries = new ArrayList<>();
        for (SimulatedAgent agent : storm) {
            List<Integer> upgraded = changes.patchDay(agent.host(), clock.instant());
            deliveries.add(agent.reportChanges(upgraded).whenComplete((d, e) -> progress.done()));
        }
        long deltas = deliveries.stream().map(CompletableFuture::join).mapToLong(Delivery::deltas).sum();
        double ackedSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) storm.size() * changes.patchDayPackages();
        ReconciliationCheck.Statuses statuses;
        while (true) {
            statuses = ReconciliationCheck.since(admin, storm, scan);
            if (statuses.changes() >= expected && statuses.none() == 0) {
                break;
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("patch storm not reconciled after " + timeout.toSeconds() + " s: "
                        + statuses.changes() + " of " + expected + " changes found, " + statuses.none() + " without a status");
            }
            Progress.note("patch storm: " + statuses.changes() + " of " + expected + " changes, " + statuses.none()
                    + " without a status yet");
            Thread.sleep(POLL.toMillis());
        }
        double reconciledSeconds = (System.nanoTime() - start) / 1e9;
        Usage usage = window.stop();
        Result result = Result.phase("storm").figure("hosts", storm.size()).figure("deltas", deltas)
                .figure("changes", statuses.changes()).figure("record", record)
                .figure("acked_s", ackedSeconds).figure("reconciled_s", reconciledSeconds)
                .figure("changes_per_s", statuses.changes() / reconciledSeconds);
        statuses.byStatus().forEach((status, n) -> result.figure(status.toLowerCase(), n));
        return result.usage(usage);
    }
}
