package io.driftproof.agent.snapshot;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs every enabled collector that applies to the host and gathers one {@link Snapshot}. */
public final class SnapshotTaker {

    private static final Logger LOG = Logger.getLogger(SnapshotTaker.class.getName());

    private final List<Collector> collectors;

    public SnapshotTaker(List<Collector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    /** What {@code run} watches: the config-file globs plus what each enabled collector names. */
    public List<String> watchPaths(AgentConfig config) {
        List<String> paths = new ArrayList<>(config.paths());
        collectors.stream().filter(c -> config.collectorEnabled(c.id()))
                .forEach(c -> paths.addAll(c.watchPaths()));
        return List.copyOf(paths);
    }

    public Snapshot take(ScanContext context, HostInfo host) {
        SortedMap<String, Item> items = new TreeMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        List<ScanProblem> problems = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        var observedAt = context.clock().instant();
        for (Collector collector : collectors) {
            if (!context.config().collectorEnabled(collector.id()) || !collector.appliesTo(context)) {
                continue;
            }
            ran.add(collector.id());
            CollectorOutput output = new CollectorOutput() {
                @Override
                public void item(Item item) {
                    items.put(ItemKeys.of(item), item);
                }

                @Override
                public void content(String sha256, byte[] data) {
                    contents.putIfAbsent(sha256, data);
                }

                @Override
                public void problem(String path, String message) {
                    problems.add(new ScanProblem(collector.id(), path, message));
                }
            };
            try {
                collector.collect(context, output);
            } catch (RuntimeException e) {
                // A collector bug must not lose the scan of the others.
                LOG.log(Level.WARNING, "collector " + collector.id() + " failed", e);
                problems.add(new ScanProblem(collector.id(), "", "collector failed: " + e));
            }
        }
        return new Snapshot(host, observedAt, items, contents, List.copyOf(problems), List.copyOf(ran));
    }
}
