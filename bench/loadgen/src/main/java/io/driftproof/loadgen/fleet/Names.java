package io.driftproof.loadgen.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Plausible, unique package names and /etc paths. */
final class Names {

    private static final List<String> SYLLABLES = List.of("ba", "cu", "de", "fo", "gi", "ka", "lu", "mo", "ne", "pa",
            "ri", "so", "ta", "vi", "xe", "zo", "an", "el", "ix", "ul", "ssl", "gtk", "dbus", "sys", "net", "core");
    private static final List<String> PACKAGE_PREFIXES = List.of("lib", "lib", "lib", "python3-", "fonts-", "perl-", "",
            "", "", "golang-", "node-", "x11-");
    private static final List<String> ETC_DIRS = List.of("", "ssh/", "systemd/system/", "apt/apt.conf.d/", "security/",
            "default/", "sysctl.d/", "logrotate.d/", "cron.d/", "profile.d/", "pam.d/", "nginx/conf.d/", "audit/rules.d/");
    private static final List<String> SUFFIXES = List.of(".conf", ".conf", "", ".rules", ".service", ".list", ".cfg");

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    Names(SplittableRandom random) {
        this.random = random;
    }

    String packageName() {
        return unique(() -> pick(PACKAGE_PREFIXES) + word() + (random.nextInt(3) == 0 ? String.valueOf(random.nextInt(1, 10)) : ""));
    }

    String etcPath() {
        return unique(() -> "/etc/" + pick(ETC_DIRS) + word() + pick(SUFFIXES));
    }

    private String word() {
        StringBuilder w = new StringBuilder();
        for (int n = random.nextInt(2, 4); n > 0; n--) {
            w.append(pick(SYLLABLES));
        }
        return w.toString();
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String unique(Supplier<String> candidate) {
        for (int attempt = 0; ; attempt++) {
            String name = candidate.get();
            if (attempt > 20) {
                name = name + "-" + used.size();
            }
            if (used.add(name)) {
                return name;
            }
        }
    }
}
