package io.driftproof.loadgen.measure;

import io.driftproof.loadgen.api.CollectorApi;

import java.util.Optional;
import java.util.OptionalDouble;

/** What is measured around each phase: CPU of the collector, PostgreSQL and the load generator, and the collector's heap. */
public final class Meters {

    private final long collectorPid;
    private final Optional<String> postgresDatabase;
    private final long ticksPerSecond;
    private final CollectorApi admin;

    public Meters(long collectorPid, Optional<String> postgresDatabase, long ticksPerSecond, CollectorApi admin) {
        this.collectorPid = collectorPid;
        this.postgresDatabase = postgresDatabase;
        this.ticksPerSecond = ticksPerSecond;
        this.admin = admin;
    }

    /** Starts measuring; {@link Window#stop()} ends it. */
    public Window start() {
        return new Window();
    }

    public final class Window {
        private final long startNanos = System.nanoTime();
        private final CpuMeter collector = CpuMeter.process(collectorPid, ticksPerSecond);
        private final Optional<CpuMeter> postgres = postgresDatabase.map(db -> CpuMeter.postgresDatabase(db, ticksPerSecond));
        private final CpuMeter loadgen = CpuMeter.process(ProcessHandle.current().pid(), ticksPerSecond);

        private Window() {
            collector.start();
            postgres.ifPresent(CpuMeter::start);
            loadgen.start();
        }

        public Usage stop() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double collectorCpu = collector.stop();
            OptionalDouble postgresCpu = postgres.map(m -> OptionalDouble.of(m.stop())).orElse(OptionalDouble.empty());
            double loadgenCpu = loadgen.stop();
            return new Usage(seconds, collectorCpu, postgresCpu, loadgenCpu, admin.heapUsedMb());
        }
    }
}
