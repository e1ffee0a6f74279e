package io.driftproof.loadgen.measure;

import java.util.OptionalDouble;

/**
 * Resources used during one phase.
 *
 * @param collectorCpu percent of one core
 * @param postgresCpu  percent of one core, the backends of the benchmark's database (empty on H2)
 * @param loadgenCpu   percent of one core used by the simulated fleet itself
 * @param heapMb       the collector's used heap at the end of the phase
 */
public record Usage(double seconds, double collectorCpu, OptionalDouble postgresCpu, double loadgenCpu, double heapMb) {
}
