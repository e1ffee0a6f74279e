package io.driftproof.agent.collect.files;

import io.driftproof.agent.collect.LineReader;
import io.driftproof.agent.inventory.HostRoot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Names from the host's own {@code /etc/passwd} and {@code /etc/group} under the root: a mounted
 * image or container host has its own accounts, which this machine's NSS knows nothing about.
 */
final class AccountFiles implements AccountNames {

    private final Map<Integer, String> users;
    private final Map<Integer, String> groups;

    AccountFiles(Map<Integer, String> users, Map<Integer, String> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Reads both files; a missing or unreadable one leaves its names empty. */
    static AccountFiles of(HostRoot root) {
        return new AccountFiles(read(root.resolve("/etc/passwd")), read(root.resolve("/etc/group")));
    }

    @Override
    public String user(int uid, Path file) {
        return users.getOrDefault(uid, "");
    }

    @Override
    public String group(int gid, Path file) {
        return groups.getOrDefault(gid, "");
    }

    private static Map<Integer, String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /**
     * Parses passwd or group lines, {@code name:password:id:...}, into names by id. As with
     * getpwuid, the first line with an id wins; comments, NIS {@code +}/{@code -} lines and lines
     * without a numeric id are skipped.
     */
    static Map<Integer, String> parse(InputStream in) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        LineReader lines = new LineReader(in);
        while (lines.next()) {
            String line = lines.text(0);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] fields = line.split(":", 4);
            if (fields.length < 3 || fields[0].isEmpty()) {
                continue;
            }
            try {
                names.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
            } catch (NumberFormatException e) {
                // not an account line
            }
        }
        return names;
    }
}
