package io.driftproof.loadgen.measure;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CPU used by a group of processes over an interval, as percent of one core (100 = one core
 * busy the whole time). The group is looked up at start and at stop, so processes that start
 * in between (new database backends) count from zero; ones that end in between are lost.
 */
public final class CpuMeter {

    private final Supplier<Set<Long>> group;
    private final long ticksPerSecond;
    private Map<Long, Long> startTicks;
    private long startNanos;

    private CpuMeter(Supplier<Set<Long>> group, long ticksPerSecond) {
        this.group = group;
        this.ticksPerSecond = ticksPerSecond;
    }

    public static CpuMeter process(long pid, long ticksPerSecond) {
        return new CpuMeter(() -> Set.of(pid), ticksPerSecond);
    }

    public static CpuMeter postgresDatabase(String database, long ticksPerSecond) {
        return new CpuMeter(() -> PostgresBackends.of(database), ticksPerSecond);
    }

    public void start() {
        startTicks = sample(group.get());
        startNanos = System.nanoTime();
    }

    /** Percent of one core since {@link #start()}. */
    public double stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long used = 0;
        for (Map.Entry<Long, Long> now : sample(group.get()).entrySet()) {
            used += now.getValue() - startTicks.getOrDefault(now.getKey(), 0L);
        }
        return 100.0 * used / ticksPerSecond / seconds;
    }

    private static Map<Long, Long> sample(Set<Long> pids) {
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : pids) {
            ProcessCpu.ticks(pid).ifPresent(t -> ticks.put(pid, t));
        }
        return ticks;
    }
}
