package io.driftproof.collector.ingest;

import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.proto.v1.Delta;

import java.time.Instant;

/**
 * The interval in which the changes of one delta happened, on the collector's clock:
 * (notBefore, observedAt]. For an incremental delta notBefore is the agent's previous scan; for a
 * full snapshot reconciled against stored state it is the last snapshot the collector applied,
 * because what the agent saw in between never reached the collector.
 */
record ObservationTimes(Instant notBefore, Instant observedAt, Instant observedAtAgent) {

    static ObservationTimes of(Delta delta, Host host) {
        Instant agentObserved = ItemStates.instant(delta.getObservedAt());
        Instant observed = ServerClock.truncate(host.toServerTime(agentObserved));
        Instant notBefore = !delta.getFull() && delta.hasPreviousObservedAt()
                ? ServerClock.truncate(host.toServerTime(ItemStates.instant(delta.getPreviousObservedAt())))
                : host.lastObservedAt;
        if (notBefore == null || notBefore.isAfter(observed)) {
            notBefore = observed;
        }
        return new ObservationTimes(notBefore, observed, ServerClock.truncate(agentObserved));
    }

    /** The latest time the host recorded for the item's change that lies inside the interval. */
    Instant evidenceTime(ItemState after, Host host) {
        if (after == null) {
            return null;
        }
        Instant best = null;
        for (Instant recorded : after.hostChangeTimes()) {
            Instant t = ServerClock.truncate(host.toServerTime(recorded));
            if (!t.isBefore(notBefore) && !t.isAfter(observedAt) && (best == null || t.isAfter(best))) {
                best = t;
            }
        }
        return best;
    }
}
