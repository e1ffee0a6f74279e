package io.driftproof.collector.inventory;

import java.util.List;

/** The operator-managed attributes of a host, set with PUT: an omitted field is cleared. */
public record HostUpdate(String cmdbAssetId, List<String> tags) {
}
