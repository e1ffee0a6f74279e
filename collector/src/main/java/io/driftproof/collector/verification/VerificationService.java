package io.driftproof.collector.verification;

import io.driftproof.collector.changes.ChangePolicy;
import io.driftproof.collector.changes.ChangeRecord;
import io.driftproof.collector.changes.ChangeState;
import io.driftproof.collector.changes.ChangeTrail;
import io.driftproof.collector.changes.Expectation;
import io.driftproof.collector.changes.HostScopes;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.findings.FindingDraft;
import io.driftproof.collector.findings.FindingService;
import io.driftproof.collector.findings.FindingType;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.Item;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.collector.observed.ObservedChange;
import io.driftproof.collector.reconcile.ChangeFacts;
import io.driftproof.collector.reconcile.ChangeFactsReader;
import io.driftproof.collector.reconcile.KeyPattern;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Closes the loop on a record: each expectation on each in-scope host is VERIFIED, DIFFERENT or
 * MISSING, with the observed changes as evidence; the record becomes VERIFIED or VERIFICATION_FAILED.
 * A cycle summary of a recurring record lists instead every item changed on every host in its
 * cycle, and a host with no change at all as MISSING. Runs in the caller's transaction.
 */
@ApplicationScoped
public class VerificationService {

    private final HostScopes scopes;
    private final ChangeFactsReader facts;
    private final ItemStates states;
    private final ChangeTrail trail;
    private final FindingService findings;
    private final ServerClock clock;
    private final Duration grace;

    VerificationService(HostScopes scopes, ChangeFactsReader facts, ItemStates states, ChangeTrail trail,
                        FindingService findings, ServerClock clock, ChangePolicy policy) {
        this.scopes = scopes;
        this.facts = facts;
        this.states = states;
        this.trail = trail;
        this.findings = findings;
        this.clock = clock;
        this.grace = policy.windowGrace();
    }

    public void verify(ChangeRecord r, String by) {
        Integer last = VerificationResult.lastRun(r.id);
        int run = last == null ? 1 : last + 1;
        Instant now = clock.now();
        List<VerificationResult> results = new ArrayList<>();
        for (Host host : scopes.resolve(r.hosts)) {
            results.addAll(r.isCycleSummary() ? cycleRows(r, host) : expectationRows(r, host));
        }
        Map<VerificationOutcome, Long> counts = new EnumMap<>(VerificationOutcome.class);
        for (VerificationResult v : results) {
            v.recordId = r.id;
            v.run = run;
            v.verifiedAt = now;
            v.persist();
            counts.merge(v.outcome, 1L, Long::sum);
            follow(r, v);
        }
        boolean passed = !results.isEmpty() && results.stream().allMatch(v -> v.outcome == VerificationOutcome.VERIFIED);
        r.state = passed ? ChangeState.VERIFIED : ChangeState.VERIFICATION_FAILED;
        r.verifiedAt = now;
        String summary = results.isEmpty() ? "no host in scope"
                : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        trail.append(r, "VERIFY", by, "verification run " + run + ": " + summary);
    }

    private List<VerificationResult> expectationRows(ChangeRecord r, Host host) {
        List<VerificationResult> rows = new ArrayList<>();
        for (int i = 0; i < r.expectations.size(); i++) {
            Expectation e = r.expectations.get(i);
            KeyPattern pattern = KeyPattern.compile(e.keyPattern);
            Map<String, List<ObservedChange>> byKey = inWindow(r, host, e.kind).stream()
                    .filter(c -> pattern.matches(c.itemKey))
                    .collect(Collectors.groupingBy(c -> c.itemKey, TreeMap::new, Collectors.toList()));
            if (byKey.isEmpty() && pattern.isLiteral()) {
                byKey.put(e.keyPattern, List.of());
            }
            if (byKey.isEmpty()) {
                rows.add(row(host, i, e.kind, e.keyPattern, new TargetCheck.Verdict(VerificationOutcome.MISSING,
                        "no item matching the pattern changed in the window"), List.of()));
            }
            for (Map.Entry<String, List<ObservedChange>> entry : byKey.entrySet()) {
                List<ChangeFacts> changed = entry.getValue().stream().map(facts::read).toList();
                TargetCheck.Verdict verdict = TargetCheck.judge(e, changed, current(host, e.kind, entry.getKey()));
                rows.add(row(host, i, e.kind, entry.getKey(), verdict, entry.getValue()));
            }
        }
        return rows;
    }

    private List<VerificationResult> cycleRows(ChangeRecord r, Host host) {
        Map<String, List<ObservedChange>> byItem = ObservedChange.<ObservedChange>list(
                        "changeRecordId = ?1 and hostId = ?2 order by observedAt, id", r.id, host.id).stream()
                .collect(Collectors.groupingBy(c -> c.kind + " " + c.itemKey, TreeMap::new, Collectors.toList()));
        if (byItem.isEmpty()) {
            Expectation first = r.expectations.get(0);
            return List.of(row(host, null, first.kind, first.keyPattern, new TargetCheck.Verdict(VerificationOutcome.MISSING,
                    "no change of this cycle was observed on the host"), List.of()));
        }
        List<VerificationResult> rows = new ArrayList<>();
        for (List<ObservedChange> changes : byItem.values()) {
            ObservedChange lastChange = changes.get(changes.size() - 1);
            ItemState now = current(host, lastChange.kind, lastChange.itemKey);
            ItemState after = states.fromJson(lastChange.kind, lastChange.after);
            boolean inPlace = now == null ? after == null : now.equals(after);
            String version = ChangeFactsReader.version(after);
            TargetCheck.Verdict verdict = inPlace
                    ? new TargetCheck.Verdict(VerificationOutcome.VERIFIED, lastChange.action + (version == null ? "" : " to " + version))
                    : new TargetCheck.Verdict(VerificationOutcome.DIFFERENT, "changed again since: the current state differs");
            rows.add(row(host, null, lastChange.kind, lastChange.itemKey, verdict, changes));
        }
        return rows;
    }

    /** The host's changes of a kind that happened in the record's window, widened by the grace. */
    private List<ObservedChange> inWindow(ChangeRecord r, Host host, ItemKind kind) {
        Instant from = r.windowStart.minus(grace);
        Instant to = r.windowEnd.plus(grace);
        return ObservedChange.<ObservedChange>list("hostId = ?1 and kind = ?2 and observedAt >= ?3 and notBefore <= ?4"
                        + " order by observedAt, id", host.id, kind, from, to).stream()
                .filter(c -> {
                    Instant t = facts.read(c).effectiveTime();
                    return !t.isBefore(from) && !t.isAfter(to);
                }).toList();
    }

    private ItemState current(Host host, ItemKind kind, String key) {
        return Item.<Item>find("hostId = ?1 and kind = ?2 and itemKey = ?3", host.id, kind, key).firstResultOptional()
                .map(i -> states.fromJson(kind, i.detail)).orElse(null);
    }

    private static VerificationResult row(Host host, Integer expectation, ItemKind kind, String key,
                                          TargetCheck.Verdict verdict, List<ObservedChange> evidence) {
        VerificationResult v = new VerificationResult();
        v.hostId = host.id;
        v.expectation = expectation;
        v.kind = kind;
        v.key = key;
        v.outcome = verdict.outcome();
        v.detail = verdict.detail();
        v.observedChangeIds = evidence.stream().map(c -> String.valueOf(c.id)).collect(Collectors.joining(","));
        return v;
    }

    /** MISSING and DIFFERENT are findings; a later VERIFIED run resolves them. */
    private void follow(ChangeRecord r, VerificationResult v) {
        String subject = "change:" + r.id + ":host:" + v.hostId + ":expectation:" + v.expectation + ":" + v.kind + ":" + v.key;
        FindingType raised = switch (v.outcome) {
            case MISSING -> FindingType.MISSING_IMPLEMENTATION;
            case DIFFERENT -> FindingType.DIFFERENT_IMPLEMENTATION;
            case VERIFIED -> null;
        };
        for (FindingType type : List.of(FindingType.MISSING_IMPLEMENTATION, FindingType.DIFFERENT_IMPLEMENTATION)) {
            FindingDraft draft = new FindingDraft(type, subject, v.hostId, r.id, null, type + " for change " + r.id + " '"
                    + r.title + "' on " + v.hostId + ": " + v.kind + " " + v.key + " — " + v.detail, "/api/v1/changes/" + r.id);
            if (type == raised) {
                findings.raise(draft);
            } else {
                findings.resolve(draft.dedupKey(), FindingService.SYSTEM, "verification run " + v.run + ": " + v.outcome);
            }
        }
    }
}
