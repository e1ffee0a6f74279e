package io.driftproof.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link AgentConfig} from the config file and command-line settings. Command-line
 * values win over the file; for {@code path} a given value replaces the defaults, for
 * {@code exclude} and {@code sensitive} it adds to them.
 */
public final class ConfigLoader {

    /** One setting given on the command line, in order. */
    public record Assignment(Setting setting, String value) {
    }

    /**
     * @param flags settings from the command line
     * @throws ConfigException naming the bad setting
     */
    public AgentConfig load(List<Assignment> flags) {
        Map<Setting, List<String>> fromFlags = group(flags);
        Optional<Path> configFile = configFile(fromFlags);
        Map<Setting, List<String>> fromFile = configFile.map(ConfigLoader::readFile).orElseGet(() -> new EnumMap<>(Setting.class));
        Map<Setting, List<String>> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            List<String> chosen = fromFlags.containsKey(s) ? fromFlags.get(s)
                    : fromFile.getOrDefault(s, List.of());
            values.put(s, merge(s, chosen));
        }
        return build(values);
    }

    private static List<String> merge(Setting s, List<String> given) {
        if (given.isEmpty()) {
            return s.defaults();
        }
        if (s == Setting.EXCLUDE || s == Setting.SENSITIVE) {
            List<String> all = new ArrayList<>(s.defaults());
            all.addAll(given);
            return all;
        }
        return given;
    }

    private static Map<Setting, List<String>> group(List<Assignment> flags) {
        Map<Setting, List<String>> grouped = new EnumMap<>(Setting.class);
        for (Assignment a : flags) {
            List<String> list = grouped.computeIfAbsent(a.setting(), k -> new ArrayList<>());
            if (!a.setting().repeatable()) {
                list.clear();
            }
            list.add(a.value());
        }
        return grouped;
    }

    /** The explicit --config must exist; the default file is optional. */
    private static Optional<Path> configFile(Map<Setting, List<String>> flags) {
        if (flags.containsKey(Setting.CONFIG)) {
            Path file = Path.of(flags.get(Setting.CONFIG).get(0));
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + file + " does not exist or is not a file");
            }
            return Optional.of(file);
        }
        Path file = Path.of(Setting.CONFIG.defaults().get(0));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static Map<Setting, List<String>> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<Setting, List<String>> values = new EnumMap<>(Setting.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = file + ":" + (i + 1);
            if (eq < 0) {
                throw new ConfigException(where + ": expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Setting setting = Setting.byKey(key)
                    .filter(s -> s != Setting.CONFIG)
                    .orElseThrow(() -> new ConfigException(where + ": unknown setting '" + key + "'"));
            List<String> list = values.computeIfAbsent(setting, k -> new ArrayList<>());
            if (!setting.repeatable()) {
                list.clear();
            }
            list.add(value);
        }
        return values;
    }

    private static AgentConfig build(Map<Setting, List<String>> v) {
        return new AgentConfig(
                directory(Setting.ROOT, one(v, Setting.ROOT)),
                globs(Setting.PATH, v.get(Setting.PATH)),
                globs(Setting.EXCLUDE, v.get(Setting.EXCLUDE)),
                globs(Setting.SENSITIVE, v.get(Setting.SENSITIVE)),
                contentLimit(one(v, Setting.CONTENT_LIMIT)),
                address(one(v, Setting.COLLECTOR)),
                Path.of(one(v, Setting.STATE_DIR)),
                duration(Setting.FULL_SCAN_INTERVAL, one(v, Setting.FULL_SCAN_INTERVAL)),
                positive(Setting.SPOOL_LIMIT, one(v, Setting.SPOOL_LIMIT)),
                collectorIds(v.get(Setting.COLLECTORS)),
                bool(Setting.PLAINTEXT, one(v, Setting.PLAINTEXT)));
    }

    private static String one(Map<Setting, List<String>> v, Setting s) {
        List<String> list = v.get(s);
        return list.isEmpty() ? "" : list.get(list.size() - 1);
    }

    private static Path directory(Setting s, String value) {
        Path p = Path.of(value);
        if (!Files.isDirectory(p)) {
            throw new ConfigException(s.key() + ": " + value + " is not a directory");
        }
        return p;
    }

    private static List<String> globs(Setting s, List<String> values) {
        for (String g : values) {
            if (!(g.startsWith("/") || g.startsWith("**/") || g.startsWith("*"))) {
                throw new ConfigException(s.key() + ": glob '" + g + "' must be an absolute host path such as /etc/** or start with **/");
            }
            if (g.indexOf('\0') >= 0) {
                throw new ConfigException(s.key() + ": glob contains a NUL character");
            }
        }
        return values;
    }

    /**
     * A captured content is held in memory while it is read and sent, and must fit into one wire
     * message; the service's small heap is sized for the default.
     */
    static final long MAX_CONTENT_LIMIT = 4L * 1024 * 1024;

    private static long contentLimit(String value) {
        long n = positive(Setting.CONTENT_LIMIT, value);
        if (n > MAX_CONTENT_LIMIT) {
            throw new ConfigException(Setting.CONTENT_LIMIT.key() + ": at most " + MAX_CONTENT_LIMIT + " bytes, got " + value
                    + " (larger files ship their hash only)");
        }
        return n;
    }

    private static long positive(Setting s, String value) {
        try {
            long n = Long.parseLong(value);
            if (n <= 0) {
                throw new ConfigException(s.key() + ": must be a positive number of bytes, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key() + ": '" + value + "' is not a number");
        }
    }

    private static Optional<String> address(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ConfigException("collector: expected HOST:PORT, got '" + value + "'");
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new ConfigException("collector: port " + port + " is out of range 1-65535");
            }
        } catch (NumberFormatException e) {
            throw new ConfigException("collector: port in '" + value + "' is not a number");
        }
        return Optional.of(value);
    }

    private static Duration duration(Setting s, String value) {
        return duration(s.key(), value);
    }

    /**
     * A positive duration in seconds or ISO-8601 ({@code PT1H}).
     *
     * @param name the setting or flag, for the error message
     */
    public static Duration duration(String name, String value) {
        Duration d;
        try {
            d = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException(name + ": '" + value + "' is not a duration (e.g. PT1H or 3600)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(name + ": must be positive, got " + value);
        }
        return d;
    }

    private static Set<String> collectorIds(List<String> values) {
        Set<String> ids = new LinkedHashSet<>();
        for (String v : values) {
            for (String id : v.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }

    private static boolean bool(Setting s, String value) {
        return switch (value) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "" -> false;
            default -> throw new ConfigException(s.key() + ": expected true or false, got '" + value + "'");
        };
    }
}
