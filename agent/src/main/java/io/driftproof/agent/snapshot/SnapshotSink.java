package io.driftproof.agent.snapshot;

import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.proto.v1.Item;

import java.time.Instant;
import java.util.List;

/** Receives one scan as it runs: items in ascending {@link ItemKeys} order, each followed by its content when read. */
public interface SnapshotSink {

    /** Called once, before any item. */
    void begin(Instant observedAt, List<String> collectors);

    void item(Item item);

    /** The text content of the item just given, when the scan read it. */
    void content(String sha256, byte[] data);

    void problem(ScanProblem problem);
}
