package io.driftproof.collector.reconcile;

import io.driftproof.collector.diff.Attributes;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.collector.observed.ObservedChange;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the facts reconciliation needs out of a stored observed change. */
@ApplicationScoped
public class ChangeFactsReader {

    private final ItemStates states;

    ChangeFactsReader(ItemStates states) {
        this.states = states;
    }

    public ChangeFacts read(ObservedChange c) {
        ItemState before = states.fromJson(c.kind, c.before);
        ItemState after = states.fromJson(c.kind, c.after);
        String manager = after instanceof ItemState.Package p ? p.manager()
                : before instanceof ItemState.Package p ? p.manager() : null;
        String sha = after instanceof ItemState.ConfigFile f ? f.sha256() : null;
        return new ChangeFacts(c.id, c.hostId, c.kind, c.itemKey, c.action, version(before), version(after), manager, sha,
                Attributes.changedNames(before, after),
                c.notBefore, c.observedAt, c.evidenceTime);
    }

    public static String version(ItemState state) {
        if (state instanceof ItemState.Package p) {
            return p.version();
        }
        return state instanceof ItemState.Firmware f ? f.version() : null;
    }
}
