package io.driftproof.collector.diff;

import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The attributes of an item state as name/value pairs, and which of them differ. */
public final class Attributes {

    /** The attribute names of each kind, as diffs and expectations name them. */
    public static final Map<ItemKind, List<String>> NAMES = Map.of(
            ItemKind.PACKAGE, List.of("version", "arch", "manager", "source", "installedAt"),
            ItemKind.FIRMWARE, List.of("version", "vendor", "releaseDate", "name"),
            ItemKind.CONFIG_FILE, List.of("type", "sha256", "size", "mode", "owner", "group", "uid", "gid",
                    "symlinkTarget", "contentState"));

    private Attributes() {
    }

    /** The names of the attributes whose values differ. */
    public static Set<String> changedNames(ItemState before, ItemState after) {
        return changed(before, after).stream().map(ChangeDiff.AttributeChange::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Attributes whose values differ; an absent state (before ADDED, after REMOVED) has none. */
    static List<ChangeDiff.AttributeChange> changed(ItemState before, ItemState after) {
        Map<String, String> old = of(before);
        Map<String, String> now = of(after);
        Map<String, String> names = new LinkedHashMap<>(old);
        now.forEach(names::putIfAbsent);
        List<ChangeDiff.AttributeChange> changes = new ArrayList<>();
        for (String name : names.keySet()) {
            String a = old.get(name);
            String b = now.get(name);
            if (!Objects.equals(a, b)) {
                changes.add(new ChangeDiff.AttributeChange(name, a, b));
            }
        }
        return changes;
    }

    private static Map<String, String> of(ItemState state) {
        Map<String, String> out = new LinkedHashMap<>();
        if (state instanceof ItemState.Package p) {
            put(out, "version", p.version());
            put(out, "arch", p.arch());
            put(out, "manager", p.manager());
            put(out, "source", p.source());
            put(out, "installedAt", p.installedAt());
        } else if (state instanceof ItemState.Firmware f) {
            put(out, "version", f.version());
            put(out, "vendor", f.vendor());
            put(out, "releaseDate", f.releaseDate());
            put(out, "name", f.name());
            if (f.attributes() != null) {
                f.attributes().forEach((k, v) -> put(out, "attributes." + k, v));
            }
        } else if (state instanceof ItemState.ConfigFile c) {
            put(out, "type", c.type());
            put(out, "sha256", c.sha256());
            put(out, "size", c.size());
            put(out, "mode", c.mode());
            put(out, "owner", c.owner());
            put(out, "group", c.group());
            put(out, "uid", c.uid());
            put(out, "gid", c.gid());
            put(out, "symlinkTarget", c.symlinkTarget());
            put(out, "contentState", c.contentState());
        }
        return out;
    }

    private static void put(Map<String, String> out, String name, Object value) {
        if (value != null) {
            out.put(name, value.toString());
        }
    }
}
