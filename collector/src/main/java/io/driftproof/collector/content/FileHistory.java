package io.driftproof.collector.content;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.HostRepository;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemRepository;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.collector.observed.ObservedChange;
import io.driftproof.collector.observed.ObservedChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * A config file's state as of a time, rebuilt from the observed changes: the state after the
 * last change observed at or before that time, else the state before the first change after it,
 * else the current state. "As of" means as last observed: a change in (notBefore, observedAt]
 * counts from observedAt.
 */
@ApplicationScoped
public class FileHistory {

    private final HostRepository hosts;
    private final ItemRepository items;
    private final ObservedChangeRepository changes;
    private final ItemStates states;
    private final ContentStore contents;

    FileHistory(HostRepository hosts, ItemRepository items, ObservedChangeRepository changes, ItemStates states,
                ContentStore contents) {
        this.hosts = hosts;
        this.items = items;
        this.changes = changes;
        this.states = states;
        this.contents = contents;
    }

    @Transactional
    public FileVersion contentAt(String hostId, String path, Optional<Instant> at) {
        Host host = hosts.findByIdOptional(hostId)
                .orElseThrow(() -> ProblemException.notFound("no host with id '" + hostId + "'"));
        ItemState.ConfigFile file = (ItemState.ConfigFile) at.map(t -> stateAt(host, path, t)).orElseGet(() -> current(hostId, path))
                .orElseThrow(() -> ProblemException.notFound("host '" + hostId + "' had no file " + path
                        + at.map(t -> " at " + t).orElse("")));
        if (file.type() != ItemState.FileType.REGULAR || file.contentState() != ItemState.ContentState.CAPTURED) {
            throw ProblemException.notFound("the content of " + path + " was not collected: " + ContentAvailability.reason(file));
        }
        byte[] data = contents.load(file.sha256())
                .orElseThrow(() -> ProblemException.notFound("the content of " + path + " (" + file.sha256() + ") was never received"));
        return new FileVersion(path, file.sha256(), data);
    }

    private Optional<ItemState> stateAt(Host host, String path, Instant at) {
        Optional<ObservedChange> last = changes.lastUpTo(host.id, ItemKind.CONFIG_FILE, path, at);
        if (last.isPresent()) {
            return Optional.ofNullable(states.fromJson(ItemKind.CONFIG_FILE, last.get().after));
        }
        if (host.baselineAt == null || at.isBefore(host.baselineAt)) {
            throw ProblemException.notFound("no snapshot of host '" + host.id + "' at or before " + at);
        }
        Optional<ObservedChange> next = changes.firstAfter(host.id, ItemKind.CONFIG_FILE, path, at);
        if (next.isPresent()) {
            return Optional.ofNullable(states.fromJson(ItemKind.CONFIG_FILE, next.get().before));
        }
        return current(host.id, path);
    }

    private Optional<ItemState> current(String hostId, String path) {
        return items.find(hostId, ItemKind.CONFIG_FILE, path).map(i -> states.fromJson(i.kind, i.detail));
    }
}
