package io.driftproof.loadgen.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The changes the benchmark makes to hosts. Patch day upgrades the image's first packages to the
 * next stable update, on every host the same; everyday changes edit a captured config file and
 * now and then upgrade one of the other packages, so the two never touch the same item.
 */
public final class HostChanges {

    private final FleetCatalog catalog;
    private final int patchDayPackages;
    private final int[] capturedFiles;

    public HostChanges(FleetCatalog catalog, int patchDayPackages) {
        if (patchDayPackages >= catalog.packageCount()) {
            throw new IllegalArgumentException("patch day upgrades " + patchDayPackages + " packages, the image has only "
                    + catalog.packageCount());
        }
        this.catalog = catalog;
        this.patchDayPackages = patchDayPackages;
        this.capturedFiles = IntStream.range(0, catalog.fileCount()).filter(f -> catalog.file(f).captured()).toArray();
        if (capturedFiles.length == 0) {
            throw new IllegalArgumentException("the image has no captured config file to edit");
        }
    }

    public int patchDayPackages() {
        return patchDayPackages;
    }

    /** Edits one captured file and, one time in three, upgrades one package; returns the changed item indexes. */
    public List<Integer> everyday(SimulatedHost host, SplittableRandom random, Instant at) {
        List<Integer> changed = new ArrayList<>(2);
        int file = capturedFiles[random.nextInt(capturedFiles.length)];
        host.modify(file, at);
        changed.add(catalog.packageCount() + file);
        if (random.nextInt(3) == 0) {
            int pkg = random.nextInt(patchDayPackages, catalog.packageCount());
            host.upgrade(pkg, host.updatesAhead(pkg) + 1, at);
            changed.add(pkg);
        }
        return changed;
    }

    /** Upgrades every patch-day package to the image's version + 1; returns the changed item indexes. */
    public List<Integer> patchDay(SimulatedHost host, Instant at) {
        List<Integer> changed = new ArrayList<>(patchDayPackages);
        for (int pkg = 0; pkg < patchDayPackages; pkg++) {
            host.upgrade(pkg, 1, at);
            changed.add(pkg);
        }
        return changed;
    }
}
