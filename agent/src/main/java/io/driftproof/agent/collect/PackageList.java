package io.driftproof.agent.collect;

import java.util.List;

/**
 * What a package-database parser found: the installed packages and, for entries it had to skip,
 * one message each (e.g. "line 120: package foo has no Version").
 */
public record PackageList(List<PackageRecord> packages, List<String> problems) {

    public PackageList {
        packages = List.copyOf(packages);
        problems = List.copyOf(problems);
    }
}
