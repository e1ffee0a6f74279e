package io.driftproof.agent.collect.apk;

import io.driftproof.agent.collect.LineReader;
import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.collect.PackageRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses apk's installed database ({@code /lib/apk/db/installed}): blank-line separated stanzas
 * of one-letter {@code X:value} lines. Only {@code P:} (name), {@code V:} (version) and
 * {@code A:} (arch) are kept. The database lists only installed packages and records no install
 * time ({@code t:} is the build time), so no installation time is reported.
 */
public final class ApkInstalledParser {

    private static final byte[] NAME = LineReader.ascii("P:");
    private static final byte[] VERSION = LineReader.ascii("V:");
    private static final byte[] ARCH = LineReader.ascii("A:");

    private ApkInstalledParser() {
    }

    public static PackageList parse(InputStream in) throws IOException {
        LineReader lines = new LineReader(in);
        List<PackageRecord> packages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Stanza stanza = new Stanza();
        while (lines.next()) {
            if (lines.isBlank()) {
                stanza.finish(packages, problems);
            } else {
                if (stanza.firstLine == 0) {
                    stanza.firstLine = lines.lineNumber();
                }
                if (lines.startsWith(NAME)) {
                    stanza.name = lines.text(NAME.length);
                } else if (lines.startsWith(VERSION)) {
                    stanza.version = lines.text(VERSION.length);
                } else if (lines.startsWith(ARCH)) {
                    stanza.arch = lines.text(ARCH.length);
                }
            }
        }
        stanza.finish(packages, problems);
        return new PackageList(packages, problems);
    }

    private static final class Stanza {
        int firstLine;
        String name;
        String version;
        String arch;

        void finish(List<PackageRecord> packages, List<String> problems) {
            if (firstLine == 0) {
                return;
            }
            String where = "line " + firstLine + ": ";
            if (empty(name)) {
                problems.add(where + "package entry without a P: (name) line");
            } else if (empty(version)) {
                problems.add(where + "package " + name + " has no V: (version) line");
            } else if (empty(arch)) {
                problems.add(where + "package " + name + " has no A: (arch) line");
            } else {
                packages.add(new PackageRecord(name, arch, version));
            }
            firstLine = 0;
            name = null;
            version = null;
            arch = null;
        }

        private static boolean empty(String s) {
            return s == null || s.isEmpty();
        }
    }
}
