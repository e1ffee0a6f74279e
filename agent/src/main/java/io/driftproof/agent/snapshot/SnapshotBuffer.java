package io.driftproof.agent.snapshot;

import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps a whole scan in memory as a {@link Snapshot}. */
final class SnapshotBuffer implements SnapshotSink {

    private final TreeMap<String, Item> items = new TreeMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();
    private final List<ScanProblem> problems = new ArrayList<>();
    private Instant observedAt;
    private List<String> collectors = List.of();

    @Override
    public void begin(Instant observedAt, List<String> collectors) {
        this.observedAt = observedAt;
        this.collectors = List.copyOf(collectors);
    }

    @Override
    public void item(Item item) {
        items.put(ItemKeys.of(item), item);
    }

    @Override
    public void content(String sha256, byte[] data) {
        contents.putIfAbsent(sha256, data);
    }

    @Override
    public void problem(ScanProblem problem) {
        problems.add(problem);
    }

    Snapshot snapshot(HostInfo host) {
        return new Snapshot(host, observedAt, items, contents, List.copyOf(problems), collectors);
    }
}
