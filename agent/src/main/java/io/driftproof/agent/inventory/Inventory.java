package io.driftproof.agent.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The collectors on the class path, in id order. */
public final class Inventory {

    private Inventory() {
    }

    public static List<Collector> discover() {
        List<Collector> collectors = new ArrayList<>();
        ServiceLoader.load(Collector.class).forEach(collectors::add);
        collectors.sort(Comparator.comparing(Collector::id));
        return List.copyOf(collectors);
    }
}
