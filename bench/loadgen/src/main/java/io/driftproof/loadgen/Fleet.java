package io.driftproof.loadgen;

import io.driftproof.loadgen.fleet.FleetCatalog;
import io.driftproof.loadgen.fleet.SimulatedHost;
import io.driftproof.loadgen.wire.Channels;
import io.driftproof.loadgen.wire.SimulatedAgent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The simulated hosts and their agents, whose streams share the channels. */
public final class Fleet {

    private final FleetCatalog catalog;
    private final List<SimulatedAgent> agents;

    public Fleet(FleetCatalog catalog, int hosts, Channels channels, Clock clock) {
        this.catalog = catalog;
        List<SimulatedAgent> all = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            all.add(new SimulatedAgent(new SimulatedHost(catalog, i), channels.stub(i), clock));
        }
        this.agents = List.copyOf(all);
    }

    public FleetCatalog catalog() {
        return catalog;
    }

    public List<SimulatedAgent> agents() {
        return agents;
    }

    public int size() {
        return agents.size();
    }

    public void close() {
        agents.forEach(SimulatedAgent::close);
    }
}
