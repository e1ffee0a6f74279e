package io.driftproof.loadgen;

import io.driftproof.loadgen.measure.Usage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one phase, printed as one line: {@code ingest LABELS phase=NAME key=value ...},
 * every value a plain number or word, so that scripts can pick figures out with awk.
 */
public final class Result {

    private final String phase;
    private final Map<String, String> figures = new LinkedHashMap<>();

    private Result(String phase) {
        this.phase = phase;
    }

    public static Result phase(String name) {
        return new Result(name);
    }

    public Result figure(String key, double value) {
        figures.put(key, String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value));
        return this;
    }

    public Result figure(String key, long value) {
        figures.put(key, Long.toString(value));
        return this;
    }

    /** Elapsed time, CPU (percent of one core) and heap of the phase. */
    public Result usage(Usage usage) {
        figure("seconds", usage.seconds());
        figure("cpu_collector_pct", usage.collectorCpu());
        usage.postgresCpu().ifPresent(cpu -> figure("cpu_postgres_pct", cpu));
        figure("cpu_loadgen_pct", usage.loadgenCpu());
        return figure("heap_mb", usage.heapMb());
    }

    public String line(String labels) {
        return "ingest " + labels + " phase=" + phase + " "
                + figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
