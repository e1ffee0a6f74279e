package io.driftproof.loadgen.wire;

import io.driftproof.loadgen.fleet.PlannedDelta;

/**
 * What one report cost: the deltas sent (two when a Resync made the agent follow up with a full
 * snapshot), their item changes and wire bytes.
 */
public record Delivery(int deltas, long items, long bytes, boolean resynced) {

    static Delivery of(PlannedDelta plan, long bytes) {
        return new Delivery(1, plan.changes().size(), bytes, false);
    }

    Delivery after(Delivery first) {
        return new Delivery(deltas + first.deltas, items + first.items, bytes + first.bytes, true);
    }
}
