package io.driftproof.collector.observed;

import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.PageRequest;
import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.inventory.HostRepository;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemStates;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads observed changes. */
@ApplicationScoped
public class ObservedChangeService {

    private final ObservedChangeRepository changes;
    private final HostRepository hosts;
    private final ItemStates states;

    ObservedChangeService(ObservedChangeRepository changes, HostRepository hosts, ItemStates states) {
        this.changes = changes;
        this.hosts = hosts;
        this.states = states;
    }

    @Transactional
    public Page<ObservedChangeView> ofHost(String hostId, Optional<Instant> from, Optional<Instant> to,
                                           Optional<ItemKind> kind, PageRequest page) {
        if (hosts.findByIdOptional(hostId).isEmpty()) {
            throw ProblemException.notFound("no host with id '" + hostId + "'");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ProblemException.badParameter("to", "to must be after from");
        }
        PanacheQuery<ObservedChange> query = changes.ofHost(hostId, from, to, kind);
        List<ObservedChangeView> views = query.range(page.offset(), page.offset() + page.limit() - 1).list()
                .stream().map(this::view).toList();
        return Page.of(views, query.count(), page);
    }

    @Transactional
    public ObservedChangeView get(long id) {
        return view(find(id));
    }

    public ObservedChange find(long id) {
        return changes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no observed change with id " + id));
    }

    private ObservedChangeView view(ObservedChange c) {
        return new ObservedChangeView(c.id, c.hostId, c.kind, c.itemKey, c.action, states.fromJson(c.kind, c.before),
                states.fromJson(c.kind, c.after), c.notBefore, c.observedAt, c.observedAtAgent, c.evidenceTime,
                c.receivedAt, c.snapshotSeq, c.status, c.changeRecordId);
    }
}
