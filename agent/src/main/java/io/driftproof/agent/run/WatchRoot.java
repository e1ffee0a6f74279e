package io.driftproof.agent.run;

import java.util.Optional;

/**
 * The directory a config-file glob lives under, and whether files can sit deeper in it:
 * {@code /etc/**} watches {@code /etc} and everything below, {@code /etc/ssh/*.conf} only
 * {@code /etc/ssh}, {@code /etc/hosts} only {@code /etc}. A glob without a fixed leading
 * directory ({@code **}/x) is not watched: it could be anywhere, and the periodic scan finds it.
 *
 * @param hostDir an absolute host path
 */
record WatchRoot(String hostDir, boolean recursive) {

    static Optional<WatchRoot> of(String glob) {
        if (!glob.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = glob.substring(1).split("/");
        StringBuilder dir = new StringBuilder();
        int fixed = 0;
        while (fixed < segments.length - 1 && !wild(segments[fixed])) {
            dir.append('/').append(segments[fixed]);
            fixed++;
        }
        if (fixed == 0 && wild(segments[0])) {
            return Optional.empty();
        }
        boolean recursive = segments.length - fixed > 1 || glob.contains("**");
        return Optional.of(new WatchRoot(dir.length() == 0 ? "/" : dir.toString(), recursive));
    }

    private static boolean wild(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
