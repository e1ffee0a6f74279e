package io.driftproof.collector.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.PageRequest;
import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.util.List;
import java.util.Optional;

/** Creates change records, edits drafts, reads the change log. State changes are {@link ChangeTransitions}'. */
@ApplicationScoped
public class ChangeService {

    private final ChangeValidator validator;
    private final ChangeTrail trail;
    private final ChangeViews views;
    private final ServerClock clock;
    private final ObjectMapper json;

    ChangeService(ChangeValidator validator, ChangeTrail trail, ChangeViews views, ServerClock clock, ObjectMapper json) {
        this.validator = validator;
        this.trail = trail;
        this.views = views;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public ChangeView create(ChangeRequest request, String by) {
        ChangeContent content = validator.validate(request);
        ChangeRecord r = new ChangeRecord();
        content.applyTo(r);
        r.revision = 1;
        r.state = ChangeState.DRAFT;
        r.requestedBy = by;
        r.createdAt = clock.now();
        r.persist();
        trail.append(r, ChangeHistory.CREATED, by, null);
        return views.of(r);
    }

    /** A draft may be edited in place: nobody has reviewed it yet. */
    @Transactional
    public ChangeView updateDraft(long id, ChangeRequest request, String by) {
        ChangeRecord r = find(id);
        if (r.state != ChangeState.DRAFT) {
            throw new ProblemException(Status.CONFLICT, "Record is not a draft", "change " + id + " is " + r.state
                    + ": after submission it changes only through transitions; a correction is POST /changes/" + id + "/revise");
        }
        if (!r.requestedBy.equals(by)) {
            throw new ProblemException(Status.FORBIDDEN, "Not the requester", "only " + r.requestedBy + " edits this draft");
        }
        validator.validate(request).applyTo(r);
        return views.of(r);
    }

    @Transactional
    public ChangeView get(long id) {
        return views.of(find(id));
    }

    @Transactional
    public Page<ChangeSummary> list(Optional<ChangeState> state, Optional<ChangeType> type, Optional<Long> parentId,
                                    PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        state.ifPresent(s -> { q.append(" and state = :state"); p.and("state", s); });
        type.ifPresent(t -> { q.append(" and type = :type"); p.and("type", t); });
        parentId.ifPresent(id -> { q.append(" and parentId = :parent"); p.and("parent", id); });
        PanacheQuery<ChangeRecord> query = ChangeRecord.find(q.toString(), Sort.by("createdAt").descending().and("id"), p);
        List<ChangeSummary> items = query.range(page.offset(), page.offset() + page.limit() - 1).list().stream()
                .map(ChangeSummary::of).toList();
        return Page.of(items, query.count(), page);
    }

    ChangeContent validate(ChangeRequest request) {
        return validator.validate(request);
    }

    /** Keeps the content of the record's current revision. */
    void keepRevision(ChangeRecord r, String by) {
        ChangeRevision rev = new ChangeRevision();
        rev.recordId = r.id;
        rev.revision = r.revision;
        rev.content = contentJson(r);
        rev.createdAt = clock.now();
        rev.createdBy = by;
        rev.persist();
    }

    private String contentJson(ChangeRecord r) {
        try {
            return json.writeValueAsString(ChangeContent.of(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record content cannot be written as JSON", e);
        }
    }

    public static ChangeRecord find(long id) {
        return ChangeRecord.<ChangeRecord>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("no change record with id " + id));
    }
}
