package io.driftproof.agent.inventory;

import java.util.List;

/**
 * One inventory source: reads one kind of thing on the host and produces items. Implementations
 * are discovered with {@link java.util.ServiceLoader}; each has a stable lower_snake_case id used
 * the same in config, protocol, database and UI.
 *
 * <p>A collector never throws for what it cannot read: it reports a {@link ScanProblem} and goes
 * on, so one unreadable file never loses a scan.
 */
public interface Collector {

    /** Stable id, e.g. {@code deb_packages}. */
    String id();

    /** Whether the host under {@code context.root()} has anything for this collector (e.g. a dpkg database). */
    boolean appliesTo(ScanContext context);

    void collect(ScanContext context, CollectorOutput output);

    /**
     * Host paths whose change means this collector would see something new (e.g. the package
     * database), as globs like the config-file ones; {@code run} watches them so that a package
     * install is reported within seconds, not at the next periodic scan.
     */
    default List<String> watchPaths() {
        return List.of();
    }

    /**
     * Whether {@link #collect} emits its items in ascending item-key order ({@link
     * io.driftproof.agent.snapshot.ItemKeys}). Such a collector's items stream straight into the
     * delta; the others' are gathered and sorted first, which suits a few thousand items.
     */
    default boolean emitsInKeyOrder() {
        return false;
    }
}
