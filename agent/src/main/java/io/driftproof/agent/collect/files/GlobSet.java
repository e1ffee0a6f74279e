package io.driftproof.agent.collect.files;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of path globs, matched against host absolute paths. See {@link ConfigFilesCollector}
 * for the glob syntax. All globs are compiled into one regular expression with one reusable
 * matcher, so a set is meant for one thread (one scan).
 */
final class GlobSet {

    private final List<String> globs;
    private final Matcher matcher;

    private GlobSet(List<String> globs, Pattern pattern) {
        this.globs = globs;
        this.matcher = pattern.matcher("");
    }

    static GlobSet of(List<String> globs) {
        if (globs.isEmpty()) {
            return new GlobSet(globs, Pattern.compile("(?!)"));
        }
        List<String> alternatives = new ArrayList<>(globs.size());
        for (String glob : globs) {
            alternatives.add("(?:" + regex(glob) + ")");
        }
        return new GlobSet(List.copyOf(globs), Pattern.compile(String.join("|", alternatives), Pattern.DOTALL));
    }

    /** True when some glob matches {@code path} exactly. */
    boolean matches(String path) {
        return matcher.reset(path).matches();
    }

    /**
     * True when some glob may match a path below the directory {@code dir}. Used to prune the
     * walk: a false answer is certain (the regex engine never reached the end of the input, so
     * no longer input can match), a true one may be optimistic.
     */
    boolean mayMatchBelow(String dir) {
        matcher.reset(dir.equals("/") ? "/" : dir + "/");
        return matcher.matches() || matcher.hitEnd();
    }

    /**
     * True when some glob matches every path below the directory {@code dir}. A glob that matches
     * {@code dir + "/"} ends in {@code **} there (nothing else matches a trailing slash, and
     * trailing slashes are stripped from globs), so it matches anything after it too.
     */
    boolean matchesAllBelow(String dir) {
        return matcher.reset(dir.equals("/") ? "/" : dir + "/").matches();
    }

    List<String> globs() {
        return globs;
    }

    /**
     * The literal directory a glob's matches all lie under, e.g. {@code /etc/ssh} for
     * {@code /etc/ssh/*_config}, {@code /} for {@code **}{@code /*.key}; a glob without
     * wildcards names its own parent.
     */
    static String baseDirectory(String glob) {
        String g = strip(glob);
        if (!g.startsWith("/")) {
            return "/";
        }
        int wildcard = firstWildcard(g);
        int slash = g.lastIndexOf('/', wildcard < 0 ? g.length() - 1 : wildcard);
        return slash <= 0 ? "/" : g.substring(0, slash);
    }

    private static int firstWildcard(String g) {
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** Trailing slashes carry no meaning (a glob matching a directory covers what is under it anyway). */
    private static String strip(String glob) {
        String g = glob;
        while (g.length() > 1 && g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        return g;
    }

    static String regex(String glob) {
        String g = strip(glob);
        if (!g.startsWith("/")) {
            g = "**/" + g;
        }
        StringBuilder re = new StringBuilder(g.length() * 2);
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                            i++;
                            re.append("(?:.*/)?");
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> i = characterClass(g, i, re);
                case '\\' -> {
                    if (i + 1 < g.length()) {
                        i++;
                        re.append(Pattern.quote(String.valueOf(g.charAt(i))));
                    } else {
                        re.append("\\\\");
                    }
                }
                default -> re.append(Character.isLetterOrDigit(c) || c == '/' ? String.valueOf(c)
                        : Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** {@code [abc]}, {@code [a-z]}, {@code [!abc]}; never matches {@code /}. An unclosed {@code [} is literal. */
    private static int characterClass(String g, int open, StringBuilder re) {
        int close = g.indexOf(']', open + 2);
        if (close < 0) {
            re.append("\\[");
            return open;
        }
        String body = g.substring(open + 1, close);
        boolean negate = body.startsWith("!") || body.startsWith("^");
        if (negate) {
            body = body.substring(1);
        }
        StringBuilder cls = new StringBuilder();
        for (char c : body.toCharArray()) {
            cls.append(c == '-' ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        re.append(negate ? "[^/" : "[").append(cls).append(negate ? "]" : "&&[^/]]");
        return close;
    }
}
