package io.driftproof.agent.snapshot;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.delta.ViewEntry;
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
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every enabled collector that applies to the host and hands the scan to a {@link
 * SnapshotSink} in item-key order. One collector that emits in key order (the config files,
 * the one that can be large) streams through; the others' items are gathered, sorted and merged
 * in around it.
 */
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

    /** One scan, held in memory (for {@code snapshot --print} and tests). */
    public Snapshot take(ScanContext context, HostInfo host) {
        SnapshotBuffer buffer = new SnapshotBuffer();
        take(context, buffer);
        return buffer.snapshot(host);
    }

    public void take(ScanContext context, SnapshotSink sink) {
        List<Collector> ran = collectors.stream()
                .filter(c -> context.config().collectorEnabled(c.id()) && c.appliesTo(context))
                .toList();
        sink.begin(context.clock().instant(), ran.stream().map(Collector::id).toList());
        Collector streamed = ran.stream().filter(Collector::emitsInKeyOrder).findFirst().orElse(null);
        Gathered gathered = new Gathered();
        for (Collector collector : ran) {
            if (collector != streamed) {
                run(collector, context, gathered.output(collector.id(), sink));
            }
        }
        if (streamed != null) {
            run(streamed, context, new Streamed(streamed.id(), gathered, sink));
        }
        gathered.flushThrough(null, sink);
    }

    private static void run(Collector collector, ScanContext context, CollectorOutput output) {
        try {
            collector.collect(context, output);
        } catch (RuntimeException e) {
            // A collector bug must not lose the scan of the others.
            LOG.log(Level.WARNING, "collector " + collector.id() + " failed", e);
            output.problem("", "collector failed: " + e);
        }
    }

    /** Items of the collectors that do not emit in key order, sorted, with their contents. */
    private static final class Gathered {
        private final TreeMap<String, Item> items = new TreeMap<>();
        private final Map<String, byte[]> contents = new HashMap<>();

        CollectorOutput output(String collector, SnapshotSink sink) {
            return new CollectorOutput() {
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
                    sink.problem(new ScanProblem(collector, path, message));
                }
            };
        }

        /** Hands on every gathered item whose key sorts before {@code key} (all when null); an equal key is dropped. */
        void flushThrough(String key, SnapshotSink sink) {
            while (!items.isEmpty() && (key == null || items.firstKey().compareTo(key) <= 0)) {
                Map.Entry<String, Item> first = items.pollFirstEntry();
                if (first.getKey().equals(key)) {
                    return;
                }
                sink.item(first.getValue());
                byte[] data = contents.get(ViewEntry.capturedSha256(first.getValue()));
                if (data != null) {
                    sink.content(ViewEntry.capturedSha256(first.getValue()), data);
                }
            }
        }
    }

    /** The streaming collector's output: checks the order and merges the gathered items in. */
    private static final class Streamed implements CollectorOutput {
        private final String collector;
        private final Gathered gathered;
        private final SnapshotSink sink;
        private String last;

        Streamed(String collector, Gathered gathered, SnapshotSink sink) {
            this.collector = collector;
            this.gathered = gathered;
            this.sink = sink;
        }

        @Override
        public void item(Item item) {
            String key = ItemKeys.of(item);
            if (last != null && key.compareTo(last) <= 0) {
                throw new IllegalStateException("collector " + collector + " emitted " + key + " after " + last);
            }
            last = key;
            gathered.flushThrough(key, sink);
            sink.item(item);
        }

        @Override
        public void content(String sha256, byte[] data) {
            sink.content(sha256, data);
        }

        @Override
        public void problem(String path, String message) {
            sink.problem(new ScanProblem(collector, path, message));
        }
    }
}
