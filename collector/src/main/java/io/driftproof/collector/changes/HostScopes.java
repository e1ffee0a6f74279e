package io.driftproof.collector.changes;

import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.HostRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves a record's host list against the hosts the collector knows. */
@ApplicationScoped
public class HostScopes {

    private final HostRepository hosts;

    HostScopes(HostRepository hosts) {
        this.hosts = hosts;
    }

    /** Whether an id or hostname names a known host; a tag always resolves (hosts may get it later). */
    boolean known(HostScope scope) {
        return scope.isTag() || hosts.findByIdOptional(scope.text()).isPresent()
                || hosts.count("hostname", scope.text()) > 0;
    }

    /** The hosts a record's list covers today, by id. */
    public List<Host> resolve(List<String> scopes) {
        Map<String, Host> found = new LinkedHashMap<>();
        for (String text : scopes) {
            HostScope scope = new HostScope(text);
            List<Host> matching = scope.isTag()
                    ? hosts.list("select h from Host h join h.tags t where t = ?1 order by h.id", scope.tag())
                    : hosts.list("id = ?1 or hostname = ?1", text);
            matching.forEach(h -> found.putIfAbsent(h.id, h));
        }
        return List.copyOf(found.values());
    }
}
