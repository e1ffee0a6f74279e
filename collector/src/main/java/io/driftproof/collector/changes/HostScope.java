package io.driftproof.collector.changes;

import io.driftproof.collector.inventory.Host;

import java.util.List;

/** One entry of a record's host list: a host id, a hostname, or {@code tag:NAME} for every host
 * carrying that tag (now or later). */
public record HostScope(String text) {

    private static final String TAG = "tag:";

    public boolean isTag() {
        return text.startsWith(TAG);
    }

    public String tag() {
        return text.substring(TAG.length());
    }

    public boolean matches(Host host) {
        return isTag() ? host.tags.contains(tag()) : text.equals(host.id) || text.equals(host.hostname);
    }

    public static boolean anyMatches(List<String> scopes, Host host) {
        return scopes.stream().map(HostScope::new).anyMatch(s -> s.matches(host));
    }
}
