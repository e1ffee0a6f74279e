package io.driftproof.agent.collect.rpm;

import io.driftproof.agent.collect.LineReader;
import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.collect.PackageRecord;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parses the output of {@code rpm -qa --qf} with {@link #QUERY_FORMAT}: one package per line,
 * six tab-separated fields (tags never contain tabs or newlines):
 * {@code NAME EPOCH VERSION RELEASE ARCH INSTALLTIME}, where rpm prints {@code (none)} for a tag
 * that is not set (no epoch; no arch on {@code gpg-pubkey} pseudo packages, which stand for
 * imported signing keys and are kept: importing a key is a change).
 *
 * <p>rpm allows several versions of one name and arch at once (install-only packages such as
 * {@code kernel-core}, and every {@code gpg-pubkey}). The key must stay {@code name:arch} so an
 * upgrade reads as a modification, so such packages become one record whose version lists the
 * installed versions, sorted and separated by {@code ", "}, with the latest install time.
 */
public final class RpmQueryParser {

    public static final String QUERY_FORMAT =
            "%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{INSTALLTIME}\\n";
    private static final String NONE = "(none)";

    private RpmQueryParser() {
    }

    public static PackageList parse(InputStream in) throws IOException {
        LineReader lines = new LineReader(in);
        Map<String, Versions> byKey = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            String line = lines.text(0);
            String[] f = line.split("\t", -1);
            if (f.length != 6 || f[0].isEmpty() || f[2].isEmpty()) {
                problems.add("line " + lines.lineNumber() + ": expected NAME EPOCH VERSION RELEASE ARCH INSTALLTIME, got '" + line + "'");
                continue;
            }
            String arch = f[4].equals(NONE) ? "" : f[4];
            String epoch = f[1].equals(NONE) ? "" : f[1] + ":";
            String release = f[3].equals(NONE) ? "" : "-" + f[3];
            PackageRecord p = new PackageRecord(f[0], arch, epoch + f[2] + release, installTime(f[5]));
            byKey.computeIfAbsent(p.key(), k -> new Versions(p)).add(p);
        }
        List<PackageRecord> packages = new ArrayList<>(byKey.size());
        byKey.values().forEach(v -> packages.add(v.record()));
        return new PackageList(packages, problems);
    }

    private static Optional<Instant> installTime(String field) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(field)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The installed versions of one name and arch. */
    private static final class Versions {
        private final PackageRecord first;
        private final TreeSet<String> versions = new TreeSet<>();
        private Optional<Instant> latest = Optional.empty();

        Versions(PackageRecord first) {
            this.first = first;
        }

        void add(PackageRecord p) {
            versions.add(p.version());
            if (p.installedAt().isPresent()
                    && (latest.isEmpty() || p.installedAt().get().isAfter(latest.get()))) {
                latest = p.installedAt();
            }
        }

        PackageRecord record() {
            return new PackageRecord(first.name(), first.arch(), String.join(", ", versions), latest);
        }
    }
}
