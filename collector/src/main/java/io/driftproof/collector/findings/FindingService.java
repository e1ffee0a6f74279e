package io.driftproof.collector.findings;

import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.PageRequest;
import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raises, resolves and acknowledges findings. Raising is idempotent per dedup key: an open finding
 * stays as it is, a resolved one reopens. Every status change leaves a {@link FindingEvent}.
 */
@ApplicationScoped
public class FindingService {

    /** The actor of what driftproof itself decides. */
    public static final String SYSTEM = "driftproof";
    /** Ids per IN list: well below the bind-parameter limits of H2 and PostgreSQL. */
    private static final int ID_CHUNK = 500;

    private final ServerClock clock;
    private final Event<FindingOpened> opened;

    FindingService(ServerClock clock, Event<FindingOpened> opened) {
        this.clock = clock;
        this.opened = opened;
    }

    @Transactional
    public Finding raise(FindingDraft draft) {
        Instant now = clock.now();
        Optional<Finding> existing = byKey(draft.dedupKey());
        if (existing.isPresent() && existing.get().status != FindingStatus.RESOLVED) {
            return existing.get();
        }
        Finding f = existing.orElseGet(Finding::new);
        boolean reopening = existing.isPresent();
        f.type = draft.type();
        f.dedupKey = draft.dedupKey();
        f.hostId = draft.hostId();
        f.changeRecordId = draft.changeRecordId();
        f.observedChangeId = draft.observedChangeId();
        f.summary = draft.summary();
        f.evidence = draft.evidence();
        f.status = FindingStatus.OPEN;
        f.occurrences = reopening ? f.occurrences + 1 : 1;
        f.acknowledgedAt = null;
        f.acknowledgedBy = null;
        f.acknowledgedReason = null;
        f.acknowledgedUntil = null;
        f.resolvedAt = null;
        f.resolvedBy = null;
        f.resolution = null;
        if (!reopening) {
            f.openedAt = now;
            f.persist();
        }
        event(f, SYSTEM, reopening ? "raised again after its resolution" : null);
        opened.fire(new FindingOpened(f.id, f.occurrences));
        return f;
    }

    @Transactional
    public void resolve(String dedupKey, String by, String resolution) {
        byKey(dedupKey).filter(f -> f.status != FindingStatus.RESOLVED).ifPresent(f -> resolve(f, by, resolution));
    }

    /** The findings not resolved of each of the observed changes, in one query per chunk of ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, List<Finding>> openOfObservedChanges(Collection<Long> observedChangeIds) {
        List<Long> ids = List.copyOf(observedChangeIds);
        Map<Long, List<Finding>> open = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            Finding.<Finding>list("observedChangeId in ?1 and status <> ?2",
                            ids.subList(from, Math.min(ids.size(), from + ID_CHUNK)), FindingStatus.RESOLVED)
                    .forEach(f -> open.computeIfAbsent(f.observedChangeId, k -> new ArrayList<>()).add(f));
        }
        return open;
    }

    /** Resolves the given open findings of one observed change, except the one of type {@code keep}, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveExcept(List<Finding> open, Optional<FindingType> keep, String resolution) {
        open.stream().filter(f -> keep.map(k -> k != f.type).orElse(true)).forEach(f -> resolve(f, SYSTEM, resolution));
    }

    @Transactional
    public FindingView acknowledge(long id, Acknowledgement ack, Optional<Instant> until, String by) {
        Finding f = find(id);
        if (ack == null || ack.reason() == null || ack.reason().isBlank()) {
            throw new ProblemException(Status.BAD_REQUEST, "Invalid field 'reason'", "reason: say why the finding is accepted");
        }
        Instant now = clock.now();
        if (until.isPresent() && !until.get().isAfter(now)) {
            throw new ProblemException(Status.BAD_REQUEST, "Invalid field 'until'", "until: must be in the future");
        }
        if (f.status == FindingStatus.RESOLVED) {
            throw new ProblemException(Status.CONFLICT, "Finding resolved",
                    "finding " + id + " is RESOLVED; only OPEN or ACKNOWLEDGED findings can be acknowledged");
        }
        f.status = FindingStatus.ACKNOWLEDGED;
        f.acknowledgedAt = now;
        f.acknowledgedBy = by;
        f.acknowledgedReason = ack.reason().strip();
        f.acknowledgedUntil = until.orElse(null);
        event(f, by, f.acknowledgedReason + until.map(u -> " (until " + u + ")").orElse(""));
        return view(f);
    }

    /** Acknowledgements given until a time that has passed open their findings again. */
    @Transactional
    public int expireAcknowledgements() {
        Instant now = clock.now();
        List<Finding> expired = Finding.list("status = ?1 and acknowledgedUntil < ?2", FindingStatus.ACKNOWLEDGED, now);
        for (Finding f : expired) {
            f.status = FindingStatus.OPEN;
            event(f, SYSTEM, "acknowledgement by " + f.acknowledgedBy + " expired at " + f.acknowledgedUntil);
        }
        return expired.size();
    }

    @Transactional
    public Page<FindingView> list(Optional<FindingStatus> status, Optional<FindingType> type, Optional<String> hostId,
                                  Optional<Long> recordId, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        status.ifPresent(s -> { q.append(" and status = :status"); p.and("status", s); });
        type.ifPresent(t -> { q.append(" and type = :type"); p.and("type", t); });
        hostId.ifPresent(h -> { q.append(" and hostId = :host"); p.and("host", h); });
        recordId.ifPresent(r -> { q.append(" and changeRecordId = :record"); p.and("record", r); });
        PanacheQuery<Finding> query = Finding.find(q.toString(), Sort.by("openedAt").descending().and("id"), p);
        List<FindingView> views = query.range(page.offset(), page.offset() + page.limit() - 1).list().stream()
                .map(this::view).toList();
        return Page.of(views, query.count(), page);
    }

    @Transactional
    public FindingView get(long id) {
        return view(find(id));
    }

    private Finding find(long id) {
        return Finding.<Finding>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no finding with id " + id));
    }

    private static Optional<Finding> byKey(String key) {
        return Finding.find("dedupKey", key).firstResultOptional();
    }

    private void resolve(Finding f, String by, String resolution) {
        f.status = FindingStatus.RESOLVED;
        f.resolvedAt = clock.now();
        f.resolvedBy = by;
        f.resolution = resolution;
        event(f, by, resolution);
    }

    private void event(Finding f, String by, String note) {
        FindingEvent e = new FindingEvent();
        e.findingId = f.id;
        e.status = f.status;
        e.at = clock.now();
        e.by = by;
        e.note = note;
        e.persist();
    }

    private FindingView view(Finding f) {
        List<FindingView.Event> events = FindingEvent.<FindingEvent>list("findingId", Sort.by("at").and("id"), f.id)
                .stream().map(e -> new FindingView.Event(e.status, e.at, e.by, e.note)).toList();
        return new FindingView(f.id, f.type, f.status, f.hostId, f.changeRecordId, f.observedChangeId, f.summary,
                f.evidence, f.openedAt, f.occurrences, f.acknowledgedAt, f.acknowledgedBy,
                f.acknowledgedReason, f.acknowledgedUntil, f.resolvedAt, f.resolvedBy, f.resolution, events);
    }
}
