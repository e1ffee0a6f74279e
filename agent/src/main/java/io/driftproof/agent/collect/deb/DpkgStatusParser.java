package io.driftproof.agent.collect.deb;

import io.driftproof.agent.collect.LineReader;
import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.collect.PackageRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses dpkg's status database ({@code /var/lib/dpkg/status}): blank-line separated stanzas of
 * {@code Field: value} lines, where lines starting with a space or tab continue the previous
 * field (Description, Conffiles). Only the four fields that identify an installed package are
 * decoded; the rest of each line is skipped as bytes.
 *
 * <p>A package counts as installed when the third word of its {@code Status} is
 * {@code installed}, whatever is wanted of it (so {@code hold ok installed} and
 * {@code deinstall ok installed} count; {@code half-installed}, {@code config-files},
 * {@code unpacked}, {@code not-installed} ... do not).
 */
public final class DpkgStatusParser {

    private static final byte[] PACKAGE = LineReader.ascii("Package:");
    private static final byte[] STATUS = LineReader.ascii("Status:");
    private static final byte[] ARCHITECTURE = LineReader.ascii("Architecture:");
    private static final byte[] VERSION = LineReader.ascii("Version:");

    private DpkgStatusParser() {
    }

    public static PackageList parse(InputStream in) throws IOException {
        LineReader lines = new LineReader(in);
        List<PackageRecord> packages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Stanza stanza = new Stanza();
        while (lines.next()) {
            if (lines.isBlank()) {
                stanza.finish(packages, problems);
                continue;
            }
            if (stanza.firstLine == 0) {
                stanza.firstLine = lines.lineNumber();
            }
            byte first = lines.byteAt(0);
            if (first == ' ' || first == '\t') {
                continue;
            }
            if (lines.startsWith(PACKAGE)) {
                stanza.name = lines.text(PACKAGE.length);
            } else if (lines.startsWith(STATUS)) {
                stanza.status = lines.text(STATUS.length);
            } else if (lines.startsWith(ARCHITECTURE)) {
                stanza.arch = lines.text(ARCHITECTURE.length);
            } else if (lines.startsWith(VERSION)) {
                stanza.version = lines.text(VERSION.length);
            }
        }
        stanza.finish(packages, problems);
        return new PackageList(packages, problems);
    }

    static boolean installed(String status) {
        String[] words = status.split(" ");
        return words.length == 3 && words[2].equals("installed");
    }

    /** The fields of the stanza being read; reset after each one. */
    private static final class Stanza {
        int firstLine;
        String name;
        String status;
        String arch;
        String version;

        void finish(List<PackageRecord> packages, List<String> problems) {
            if (firstLine == 0) {
                return;
            }
            String where = "line " + firstLine + ": ";
            if (name == null || name.isEmpty()) {
                problems.add(where + "stanza without a Package field");
            } else if (status == null) {
                problems.add(where + "package " + name + " has no Status");
            } else if (installed(status)) {
                if (arch == null || arch.isEmpty()) {
                    problems.add(where + "installed package " + name + " has no Architecture");
                } else if (version == null || version.isEmpty()) {
                    problems.add(where + "installed package " + name + " has no Version");
                } else {
                    packages.add(new PackageRecord(name, arch, version));
                }
            }
            firstLine = 0;
            name = null;
            status = null;
            arch = null;
            version = null;
        }
    }
}
