package io.driftproof.agent.snapshot;

import io.driftproof.agent.inventory.ScanProblem;
import io.driftproof.proto.v1.HostInfo;
import io.driftproof.proto.v1.Item;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The full set of items of one host at one instant.
 *
 * @param host       who the host is
 * @param observedAt when the scan ran (agent clock)
 * @param items      items by item key ({@link ItemKeys#of})
 * @param contents   text contents read during the scan, by SHA-256
 * @param problems   what could not be read
 * @param collectors ids of the collectors that ran
 */
public record Snapshot(HostInfo host, Instant observedAt, SortedMap<String, Item> items,
                       Map<String, byte[]> contents, List<ScanProblem> problems, List<String> collectors) {
}
