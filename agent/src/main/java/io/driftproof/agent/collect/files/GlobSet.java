package io.driftproof.agent.collect.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of path globs, matched against host absolute paths component by component (see
 * {@link ConfigFilesCollector} for the syntax). Matching is linear in the path for the usual
 * globs, without regular expressions: a scan asks three sets about every file. The set keeps the
 * components of the last path it split, so it is meant for one thread (one scan).
 */
final class GlobSet {

    private final List<String> globs;
    private final Glob[] compiled;
    private String path;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;

    private GlobSet(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.compiled = globs.stream().map(Glob::compile).toArray(Glob[]::new);
    }

    static GlobSet of(List<String> globs) {
        return new GlobSet(globs);
    }

    List<String> globs() {
        return globs;
    }

    /** True when some glob matches {@code path} exactly. */
    boolean matches(String path) {
        split(path);
        for (Glob g : compiled) {
            if (match(g, 0, 0)) {
                return true;
            }
        }
        return false;
    }

    /** True when some glob may match a path below the directory {@code dir}; false is certain, so the walk can prune. */
    boolean mayMatchBelow(String dir) {
        split(dir);
        for (Glob g : compiled) {
            if (mayMatch(g, 0, 0)) {
                return true;
            }
        }
        return false;
    }

    /** True when some glob matches every path below the directory {@code dir} (it ends in {@code **} there). */
    boolean matchesAllBelow(String dir) {
        split(dir);
        for (Glob g : compiled) {
            if (matchesAll(g, 0, 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean match(Glob g, int seg, int comp) {
        if (seg == g.segments.length) {
            return comp == count;
        }
        Segment s = g.segments[seg];
        if (s.doubleStar) {
            if (seg == g.segments.length - 1) {
                // a trailing ** is what is below: at least one component
                return count - comp >= 1;
            }
            for (int c = comp; c <= count; c++) {
                if (match(g, seg + 1, c)) {
                    return true;
                }
            }
            return false;
        }
        return comp < count && s.matches(path, starts[comp], ends[comp]) && match(g, seg + 1, comp + 1);
    }

    private boolean mayMatch(Glob g, int seg, int comp) {
        if (comp == count) {
            // what is left of the glob may match names below
            return seg < g.segments.length;
        }
        if (seg == g.segments.length) {
            return false;
        }
        Segment s = g.segments[seg];
        return s.doubleStar || s.matches(path, starts[comp], ends[comp]) && mayMatch(g, seg + 1, comp + 1);
    }

    private boolean matchesAll(Glob g, int seg, int comp) {
        if (comp == count) {
            return seg == g.segments.length - 1 && g.segments[seg].doubleStar;
        }
        if (seg == g.segments.length) {
            return false;
        }
        Segment s = g.segments[seg];
        if (s.doubleStar) {
            return matchesAll(g, seg + 1, comp) || matchesAll(g, seg, comp + 1);
        }
        return s.matches(path, starts[comp], ends[comp]) && matchesAll(g, seg + 1, comp + 1);
    }

    private void split(String p) {
        if (p == path) {
            return;
        }
        path = p;
        count = 0;
        int i = 0;
        int n = p.length();
        while (i < n) {
            while (i < n && p.charAt(i) == '/') {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && p.charAt(i) != '/') {
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
    }

    /**
     * The literal directory a glob's matches all lie under, e.g. {@code /etc/ssh} for
     * {@code /etc/ssh/*_config}, {@code /} for {@code **}{@code /*.key}; a glob without
     * wildcards names its own parent.
     */
    static String baseDirectory(String glob) {
        String g = glob;
        while (g.length() > 1 && g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        if (!g.startsWith("/")) {
            return "/";
        }
        int wildcard = -1;
        for (int i = 0; i < g.length() && wildcard < 0; i++) {
            char c = g.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                wildcard = i;
            }
        }
        int slash = g.lastIndexOf('/', wildcard < 0 ? g.length() - 1 : wildcard);
        return slash <= 0 ? "/" : g.substring(0, slash);
    }

    /** One glob as path components; a glob not starting with {@code /} begins with {@code **}. */
    private record Glob(Segment[] segments) {

        static Glob compile(String glob) {
            List<Segment> segments = new ArrayList<>();
            if (!glob.startsWith("/")) {
                segments.add(Segment.DOUBLE_STAR);
            }
            for (String part : glob.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                Segment s = Segment.compile(part);
                boolean repeated = s.doubleStar && !segments.isEmpty() && segments.get(segments.size() - 1).doubleStar;
                if (!repeated) {
                    segments.add(s);
                }
            }
            return new Glob(segments.toArray(Segment[]::new));
        }
    }

    /** One path component of a glob: {@code **}, a literal name, or a pattern of characters and wildcards. */
    private static final class Segment {

        static final Segment DOUBLE_STAR = new Segment(true, null, null);

        final boolean doubleStar;
        final String literal;
        final Token[] tokens;

        private Segment(boolean doubleStar, String literal, Token[] tokens) {
            this.doubleStar = doubleStar;
            this.literal = literal;
            this.tokens = tokens;
        }

        static Segment compile(String part) {
            if (part.equals("**")) {
                return DOUBLE_STAR;
            }
            List<Token> tokens = new ArrayList<>();
            boolean wild = false;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                switch (c) {
                    case '*' -> {
                        wild = true;
                        tokens.add(Token.STAR);
                    }
                    case '?' -> {
                        wild = true;
                        tokens.add(Token.ANY);
                    }
                    case '[' -> {
                        int close = part.indexOf(']', i + 2);
                        if (close < 0) {
                            tokens.add(Token.literal(c));
                        } else {
                            wild = true;
                            tokens.add(Token.set(part.substring(i + 1, close)));
                            i = close;
                        }
                    }
                    case '\\' -> {
                        wild = true;
                        if (i + 1 < part.length()) {
                            i++;
                        }
                        tokens.add(Token.literal(part.charAt(i)));
                    }
                    default -> tokens.add(Token.literal(c));
                }
            }
            return wild ? new Segment(false, null, tokens.toArray(Token[]::new)) : new Segment(false, part, null);
        }

        /** Whether the characters {@code from..to} of {@code s} match; a star backtracks to the last one seen. */
        boolean matches(String s, int from, int to) {
            if (literal != null) {
                return to - from == literal.length() && s.startsWith(literal, from);
            }
            int t = 0;
            int i = from;
            int starToken = -1;
            int starChar = -1;
            while (i < to) {
                if (t < tokens.length && tokens[t] == Token.STAR) {
                    starToken = t++;
                    starChar = i;
                } else if (t < tokens.length && tokens[t].matches(s.charAt(i))) {
                    t++;
                    i++;
                } else if (starToken >= 0) {
                    t = starToken + 1;
                    i = ++starChar;
                } else {
                    return false;
                }
            }
            while (t < tokens.length && tokens[t] == Token.STAR) {
                t++;
            }
            return t == tokens.length;
        }
    }

    /** One character position of a pattern. */
    private static final class Token {

        static final Token STAR = new Token(null, false);
        static final Token ANY = new Token(null, true);

        /** Pairs of inclusive ranges, e.g. {@code a z 0 9}; null for STAR and ANY. */
        private final char[] ranges;
        private final boolean negate;

        private Token(char[] ranges, boolean negate) {
            this.ranges = ranges;
            this.negate = negate;
        }

        static Token literal(char c) {
            return new Token(new char[] {c, c}, false);
        }

        /** {@code abc}, {@code a-z}, {@code !abc} or {@code ^abc}: the body of a bracket expression. */
        static Token set(String body) {
            boolean negate = body.length() > 1 && (body.charAt(0) == '!' || body.charAt(0) == '^');
            String b = negate ? body.substring(1) : body;
            StringBuilder ranges = new StringBuilder();
            for (int i = 0; i < b.length(); i++) {
                char lo = b.charAt(i);
                char hi = lo;
                if (i + 2 < b.length() && b.charAt(i + 1) == '-') {
                    hi = b.charAt(i + 2);
                    i += 2;
                }
                ranges.append(lo).append(hi);
            }
            return new Token(ranges.toString().toCharArray(), negate);
        }

        /** For ANY and sets; never called for STAR. */
        boolean matches(char c) {
            if (ranges == null) {
                return true;
            }
            boolean in = false;
            for (int i = 0; i < ranges.length && !in; i += 2) {
                in = c >= ranges[i] && c <= ranges[i + 1];
            }
            return in != negate;
        }
    }
}
