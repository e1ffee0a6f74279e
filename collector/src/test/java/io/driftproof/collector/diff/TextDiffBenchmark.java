package io.driftproof.collector.diff;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The unified diff of a config file as the collector computes it for an observed change, on the
 * texts {@code before} and {@code after} (bench/diff generates them and times GNU {@code diff -u}
 * on the same files). Not a test: run by JMH only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextDiffBenchmark {

    @Param("target/bench-diff/10000.before")
    public String before;
    @Param("target/bench-diff/10000.after")
    public String after;

    private String beforeText;
    private String afterText;

    @Setup
    public void read() throws IOException {
        beforeText = Files.readString(Path.of(before));
        afterText = Files.readString(Path.of(after));
    }

    @Benchmark
    public TextDiff unifiedDiff() {
        return TextDiff.of("/etc/bench.conf", beforeText, afterText);
    }
}
