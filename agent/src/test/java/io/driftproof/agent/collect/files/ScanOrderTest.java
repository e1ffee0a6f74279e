package io.driftproof.agent.collect.files;

import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.agent.snapshot.ItemKeys;
import io.driftproof.agent.snapshot.SnapshotSink;
import io.driftproof.agent.snapshot.SnapshotTaker;
import io.driftproof.proto.v1.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.driftproof.agent.testing.Fixtures.pkg;
import static org.assertj.core.api.Assertions.assertThat;

/** Scans stream into the delta, so their items must arrive in ascending item-key order. */
class ScanOrderTest {

    @TempDir
    Path tree;
    @TempDir
    Path state;

    private ScanContext context() throws IOException {
        FakeHost host = new FakeHost(tree);
        // Names where walk order and string order differ: '-' and '.' sort before '/', 'b' after it.
        for (String path : List.of("/etc/a", "/etc/a.conf", "/etc/a-b", "/etc/ab", "/etc/b/x", "/etc/b.d/y",
                "/etc/b/c.d/e", "/etc/b/c/d", "/etc.d/z", "/etc-x/w", "/etc/\u00e9t\u00e9", "/etc/Z")) {
            host.file(path, path + "\n");
        }
        host.symlink("/etc/b-link", "b");
        return TestScans.context(HostRoot.of(tree), state, false, List.of("/etc/**", "/etc.d/**", "/etc-x/**"), 1024);
    }

    @Test
    void configFilesAreEmittedInKeyOrder() throws IOException {
        List<String> keys = new ArrayList<>();
        new ConfigFilesCollector().collect(context(), new CollectorOutput() {
            @Override
            public void item(Item item) {
                keys.add(ItemKeys.of(item));
            }

            @Override
            public void content(String sha256, byte[] data) {
            }

            @Override
            public void problem(String path, String message) {
            }
        });

        assertThat(keys).hasSize(13).isSorted();
    }

    @Test
    void gatheredItemsAreMergedAroundTheStreamedOnes() throws IOException {
        Collector packages = new Collector() {
            @Override
            public String id() {
                return "test_packages";
            }

            @Override
            public boolean appliesTo(ScanContext context) {
                return true;
            }

            @Override
            public void collect(ScanContext context, CollectorOutput output) {
                output.item(pkg("zsh", "5.9"));
                output.item(pkg("bash", "5.2"));
            }
        };
        List<String> keys = new ArrayList<>();
        List<String> ran = new ArrayList<>();

        new SnapshotTaker(List.of(new ConfigFilesCollector(), packages)).take(context(), new SnapshotSink() {
            @Override
            public void begin(Instant observedAt, List<String> collectors) {
                ran.addAll(collectors);
            }

            @Override
            public void item(Item item) {
                keys.add(ItemKeys.of(item));
            }

            @Override
            public void content(String sha256, byte[] data) {
            }

            @Override
            public void problem(ScanProblem problem) {
            }
        });

        assertThat(ran).containsExactly("config_files", "test_packages");
        assertThat(keys).hasSize(15).isSorted().endsWith("PACKAGE bash", "PACKAGE zsh");
    }
}
