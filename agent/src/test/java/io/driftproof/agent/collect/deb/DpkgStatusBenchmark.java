package io.driftproof.agent.collect.deb;

import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.Item;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The package inventory of a Debian host, in-process (bench/packages runs it against
 * {@code dpkg-query -W}): {@code parse} reads and parses a status file, {@code collect} is the
 * whole collector on a host root (parse, one {@code stat} of each package's file list for its
 * install time, the protobuf items). Not a test: run by JMH only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DpkgStatusBenchmark {

    @State(Scope.Benchmark)
    public static class StatusFile {
        @Param("/var/lib/dpkg/status")
        public String status;
    }

    @State(Scope.Benchmark)
    public static class Host {
        /** The collector reads {@code var/lib/dpkg/status} and {@code var/lib/dpkg/info} under it. */
        @Param("/")
        public String root;
        ScanContext context;

        @Setup
        public void setUp() throws IOException {
            context = TestScans.context(HostRoot.of(Path.of(root)), Files.createTempDirectory("driftproof-bench"));
        }

        @TearDown
        public void tearDown() throws IOException {
            Files.delete(context.stateDir());
        }
    }

    @Benchmark
    public PackageList parse(StatusFile file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file.status))) {
            return DpkgStatusParser.parse(in);
        }
    }

    @Benchmark
    public void collect(Host host, Blackhole sink) {
        new DebPackagesCollector().collect(host.context, new CollectorOutput() {
            @Override
            public void item(Item item) {
                sink.consume(item);
            }

            @Override
            public void content(String sha256, byte[] data) {
                sink.consume(data);
            }

            @Override
            public void problem(String path, String message) {
                sink.consume(message);
            }
        });
    }
}
