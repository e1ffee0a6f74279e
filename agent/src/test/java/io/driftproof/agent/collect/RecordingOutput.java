package io.driftproof.agent.collect;

import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.Item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link CollectorOutput} that keeps everything a collector produced, for assertions. */
public final class RecordingOutput implements CollectorOutput {

    public record Problem(String path, String message) {
    }

    public final Map<String, Item> items = new TreeMap<>();
    public final Map<String, byte[]> contents = new LinkedHashMap<>();
    public final List<Problem> problems = new ArrayList<>();

    public static RecordingOutput run(Collector collector, ScanContext context) {
        RecordingOutput output = new RecordingOutput();
        collector.collect(context, output);
        return output;
    }

    @Override
    public void item(Item item) {
        if (items.put(item.getKey(), item) != null) {
            throw new AssertionError("item key reported twice: " + item.getKey());
        }
    }

    @Override
    public void content(String sha256, byte[] data) {
        contents.put(sha256, data);
    }

    @Override
    public void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    public Item item(String key) {
        Item item = items.get(key);
        if (item == null) {
            throw new AssertionError("no item " + key + " among " + items.keySet());
        }
        return item;
    }
}
