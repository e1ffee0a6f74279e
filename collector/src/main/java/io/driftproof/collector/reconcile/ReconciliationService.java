package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangePolicy;
import io.driftproof.collector.changes.ChangeRecord;
import io.driftproof.collector.changes.CycleSummaries;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.findings.Finding;
import io.driftproof.collector.findings.FindingDraft;
import io.driftproof.collector.findings.FindingService;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.HostRepository;
import io.driftproof.collector.observed.ObservedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the {@link Reconciler}'s decisions to stored observed changes: the status, the record
 * that explains the change (for a recurring record, its cycle summary), and the findings — the one
 * the decision calls for is raised, any other of the change's findings is resolved. Deciding is a
 * pure function of the stored facts and the clock, so running it again changes nothing.
 */
@ApplicationScoped
public class ReconciliationService {

    private final Reconciler reconciler;
    private final CandidateRecords candidates;
    private final ChangeFactsReader facts;
    private final HostRepository hosts;
    private final CycleSummaries cycles;
    private final FindingService findings;
    private final ServerClock clock;

    ReconciliationService(ChangePolicy policy, CandidateRecords candidates, ChangeFactsReader facts, HostRepository hosts,
                          CycleSummaries cycles, FindingService findings, ServerClock clock) {
        this.reconciler = new Reconciler(new ReconciliationRules(policy.windowGrace(), policy.windowMatchMargin(),
                policy.emergencyApprovalDeadline()));
        this.candidates = candidates;
        this.facts = facts;
        this.hosts = hosts;
        this.cycles = cycles;
        this.findings = findings;
        this.clock = clock;
    }

    @Transactional
    public void reconcile(List<ObservedChange> changes) {
        Instant now = clock.now();
        Map<Long, List<Finding>> open = findings.openOfObservedChanges(changes.stream().map(c -> c.id).toList());
        Map<Cycle, Long> summaries = new HashMap<>();
        Map<String, List<ObservedChange>> byHost = changes.stream().collect(Collectors.groupingBy(c -> c.hostId));
        byHost.forEach((hostId, ofHost) -> {
            Host host = hosts.findById(hostId);
            Instant from = ofHost.stream().map(c -> c.notBefore).min(Comparator.naturalOrder()).orElseThrow();
            Instant to = ofHost.stream().map(c -> c.observedAt).max(Comparator.naturalOrder()).orElseThrow();
            List<RecordTerms> terms = candidates.forHost(host, from, to);
            ofHost.stream().sorted(Comparator.comparing((ObservedChange c) -> c.observedAt).thenComparing(c -> c.id))
                    .forEach(c -> apply(c, reconciler.decide(facts.read(c), terms, now), summaries,
                            open.getOrDefault(c.id, List.of())));
        });
    }

    /** One cycle of a recurring record, whose summary record explains the cycle's changes. */
    private record Cycle(long recordId, int cycle) {
    }

    /**
     * @param summaries the cycle summaries found so far in this reconciliation: one lookup per cycle, not per change
     * @param open the change's findings not resolved yet
     */
    private void apply(ObservedChange change, Decision decision, Map<Cycle, Long> summaries, List<Finding> open) {
        Long explainedBy = decision.cycle() == null || decision.recordId() == null ? decision.recordId()
                : summaries.computeIfAbsent(new Cycle(decision.recordId(), decision.cycle()),
                        k -> cycles.summaryOf(ChangeRecord.findById(k.recordId()), k.cycle()).id);
        change.status = decision.status().name();
        change.changeRecordId = explainedBy;
        findings.resolveExcept(open, decision.finding(),
                "reconciled again: now " + decision.status() + (explainedBy == null ? "" : " by change " + explainedBy));
        decision.finding().ifPresent(type -> findings.raise(FindingDraft.forObservedChange(type, change.id, change.hostId,
                explainedBy, type + " on " + change.hostId + ": " + change.kind + " " + change.itemKey + " " + change.action
                        + " observed at " + change.observedAt + " — " + decision.reason())));
    }
}
