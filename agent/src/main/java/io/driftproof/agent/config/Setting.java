package io.driftproof.agent.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every agent setting, declared once: the key used in the config file, the flag on the command
 * line ({@code --key}), whether it repeats, its default and what it does.
 */
public enum Setting {
    ROOT("root", false, "/", "read the host under DIR (e.g. /host in a container)"),
    PATH("path", true, "/etc/**", "config-file glob to inventory; repeatable, replaces the defaults"),
    EXCLUDE("exclude", true, String.join("\n", "/etc/mtab", "/etc/ld.so.cache", "/etc/adjtime",
            "/etc/.pwd.lock", "/etc/machine-id", "/etc/**/*.dpkg-tmp", "/etc/**/*.swp"),
            "glob to leave out of the config-file scan; repeatable, adds to the defaults"),
    SENSITIVE("sensitive", true, String.join("\n", "/etc/shadow*", "/etc/gshadow*", "**/*.key",
            "/etc/ssh/ssh_host_*_key", "**/private/**"),
            "glob whose content never leaves the host (hash only); repeatable, adds to the defaults"),
    CONTENT_LIMIT("content-limit", false, "1048576", "largest text file, in bytes, whose content ships for diffs"),
    COLLECTOR("collector", false, "", "collector address HOST:PORT"),
    STATE_DIR("state-dir", false, "/var/lib/driftproof-agent", "directory for the agent's state, caches and spool"),
    FULL_SCAN_INTERVAL("full-scan-interval", false, "PT1H", "time between full scans in run mode (ISO-8601 duration or seconds)"),
    SPOOL_LIMIT("spool-limit", false, "536870912", "spool size limit in bytes"),
    COLLECTORS("collectors", true, "", "enable only these collectors (deb_packages, rpm_packages, apk_packages, firmware, config_files); repeatable"),
    PLAINTEXT("plaintext", false, "false", "connect to the collector without TLS (development only)"),
    CONFIG("config", false, "/etc/driftproof/agent.conf", "read settings from FILE (key = value lines)");

    private final String key;
    private final boolean repeatable;
    private final String defaultValue;
    private final String description;

    Setting(String key, boolean repeatable, String defaultValue, String description) {
        this.key = key;
        this.repeatable = repeatable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public boolean repeatable() {
        return repeatable;
    }

    public String description() {
        return description;
    }

    public List<String> defaults() {
        return defaultValue.isEmpty() ? List.of() : List.of(defaultValue.split("\n"));
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
