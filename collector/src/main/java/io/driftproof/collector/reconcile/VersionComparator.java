package io.driftproof.collector.reconcile;

import java.util.Comparator;

/**
 * Orders package versions the way the package manager that installed them does, so that an
 * observed version change can be classified as an upgrade or a downgrade.
 */
public final class VersionComparator {

    private VersionComparator() {
    }

    /** The ordering for a package manager name as the agent reports it (dpkg, rpm, apk). */
    public static Comparator<String> forManager(String manager) {
        return switch (manager) {
            case "dpkg" -> VersionComparator::compareDebian;
            default -> VersionComparator::compareRpm;
        };
    }

    /** dpkg's ordering: epoch, then upstream version, then Debian revision; '~' sorts before everything. */
    public static int compareDebian(String a, String b) {
        DebianParts x = DebianParts.of(a);
        DebianParts y = DebianParts.of(b);
        int c = Long.compare(x.epoch, y.epoch);
        if (c != 0) {
            return c;
        }
        c = verrevcmp(x.upstream, y.upstream);
        return c != 0 ? Integer.signum(c) : Integer.signum(verrevcmp(x.revision, y.revision));
    }

    private record DebianParts(long epoch, String upstream, String revision) {
        static DebianParts of(String v) {
            long epoch = 0;
            int colon = v.indexOf(':');
            if (colon > 0 && v.substring(0, colon).chars().allMatch(Character::isDigit)) {
                epoch = Long.parseLong(v.substring(0, colon));
                v = v.substring(colon + 1);
            }
            int dash = v.lastIndexOf('-');
            return dash >= 0 ? new DebianParts(epoch, v.substring(0, dash), v.substring(dash + 1))
                    : new DebianParts(epoch, v, "");
        }
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (isDigit(c)) {
            return 0;
        }
        if (isAsciiLetter(c)) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }

    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !isDigit(a.charAt(i)) || j < b.length() && !isDigit(b.charAt(j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    /** rpm's ordering ([epoch:]version-release, rpmvercmp per part); also used for apk. */
    public static int compareRpm(String a, String b) {
        String[] x = rpmParts(a);
        String[] y = rpmParts(b);
        for (int k = 0; k < 3; k++) {
            int c = rpmvercmp(x[k], y[k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String[] rpmParts(String v) {
        String epoch = "0";
        int colon = v.indexOf(':');
        if (colon > 0 && v.substring(0, colon).chars().allMatch(Character::isDigit)) {
            epoch = v.substring(0, colon);
            v = v.substring(colon + 1);
        }
        int dash = v.lastIndexOf('-');
        return dash >= 0 ? new String[] {epoch, v.substring(0, dash), v.substring(dash + 1)}
                : new String[] {epoch, v, ""};
    }

    private static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !isAlnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < b.length() && !isAlnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            boolean numeric = isDigit(ca);
            int si = i;
            int sj = j;
            while (i < a.length() && (numeric ? isDigit(a.charAt(i)) : isAsciiLetter(a.charAt(i)))) {
                i++;
            }
            while (j < b.length() && (numeric ? isDigit(b.charAt(j)) : isAsciiLetter(b.charAt(j)))) {
                j++;
            }
            if (sj == j) {
                // The segments differ in type: a numeric segment is newer than an alphabetic one.
                return numeric ? 1 : -1;
            }
            String sa = a.substring(si, i);
            String sb = b.substring(sj, j);
            if (numeric) {
                sa = stripZeros(sa);
                sb = stripZeros(sb);
                if (sa.length() != sb.length()) {
                    return sa.length() > sb.length() ? 1 : -1;
                }
            }
            int c = sa.compareTo(sb);
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
        }
        boolean restA = i < a.length();
        boolean restB = j < b.length();
        if (!restA && !restB) {
            return 0;
        }
        return restA ? 1 : -1;
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return s.substring(k);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }
}
