package io.driftproof.collector.ingest;

import io.driftproof.collector.content.ContentStore;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.Item;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemRepository;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.collector.observed.ChangeAction;
import io.driftproof.collector.observed.ObservedChange;
import io.driftproof.collector.observed.ObservedChangeRepository;
import io.driftproof.proto.v1.Content;
import io.driftproof.proto.v1.Delta;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a planned delta in the caller's transaction: items updated in place, one observed change
 * per differing item (none for the host's first snapshot, its baseline), new contents, the host's
 * sequence and digest, and one log row when anything changed. A delta that changes nothing writes
 * nothing but the host row.
 */
@ApplicationScoped
class SnapshotWriter {

    private final ItemRepository items;
    private final ObservedChangeRepository changes;
    private final AppliedDeltaRepository log;
    private final ContentStore contents;
    private final ItemStates states;

    SnapshotWriter(ItemRepository items, ObservedChangeRepository changes, AppliedDeltaRepository log,
                   ContentStore contents, ItemStates states) {
        this.items = items;
        this.changes = changes;
        this.log = log;
        this.contents = contents;
        this.states = states;
    }

    IngestOutcome.Applied write(Host host, Delta delta, DeltaPlan plan, Instant receivedAt) {
        boolean baseline = !host.hasBaseline();
        ObservationTimes times = ObservationTimes.of(delta, host);
        int observed = 0;
        for (DeltaPlan.Upsert upsert : plan.upserts()) {
            ItemState after = states.fromProto(upsert.item());
            String afterJson = states.toJson(after);
            Item row = upsert.stored();
            String beforeJson = row == null ? null : row.detail;
            if (row == null) {
                row = new Item();
                row.hostId = host.id;
                row.kind = after.kind();
                row.itemKey = upsert.item().getKey();
            }
            row.fingerprint = upsert.fingerprint();
            row.detail = afterJson;
            row.updatedSeq = delta.getSeq();
            if (upsert.stored() == null) {
                items.persist(row);
            }
            if (!baseline) {
                record(host, row.kind, row.itemKey, beforeJson == null ? ChangeAction.ADDED : ChangeAction.MODIFIED,
                        beforeJson, afterJson, times.evidenceTime(after, host), times, delta, receivedAt);
                observed++;
            }
        }
        for (Item removed : plan.removals()) {
            if (!baseline) {
                record(host, removed.kind, removed.itemKey, ChangeAction.REMOVED, removed.detail, null, null, times, delta, receivedAt);
                observed++;
            }
            items.delete(removed);
        }
        contents.storeMissing(capturedContents(delta, plan), receivedAt);

        host.lastSeq = delta.getSeq();
        host.manifestDigest = HexFormat.of().formatHex(delta.getManifestDigest().toByteArray());
        host.itemCount = delta.getItemCount();
        host.lastObservedAt = times.observedAt();
        if (baseline) {
            host.baselineSeq = delta.getSeq();
            host.baselineAt = times.observedAt();
        }
        if (!plan.changesNothing()) {
            logDelta(host, delta, plan, observed, times, receivedAt);
        }
        return new IngestOutcome.Applied(delta.getSeq(), plan.upserts().size(), plan.removals().size(), observed, times.observedAt());
    }

    private void record(Host host, ItemKind kind, String key, ChangeAction action, String before, String after,
                        Instant evidenceTime, ObservationTimes times, Delta delta, Instant receivedAt) {
        ObservedChange change = new ObservedChange();
        change.hostId = host.id;
        change.kind = kind;
        change.itemKey = key;
        change.action = action;
        change.before = before;
        change.after = after;
        change.notBefore = times.notBefore();
        change.observedAt = times.observedAt();
        change.observedAtAgent = times.observedAtAgent();
        change.evidenceTime = evidenceTime;
        change.receivedAt = receivedAt;
        change.snapshotSeq = delta.getSeq();
        changes.persist(change);
    }

    /** Only contents that a captured file written by this delta refers to: whatever else an agent
     * sends (say, the content of a file marked sensitive) is not kept. */
    private static Map<String, byte[]> capturedContents(Delta delta, DeltaPlan plan) {
        Set<String> wanted = plan.upserts().stream().map(DeltaPlan.Upsert::item)
                .filter(i -> i.hasConfigFile() && i.getConfigFile().getContentState() == io.driftproof.proto.v1.ContentState.CAPTURED)
                .map(i -> i.getConfigFile().getSha256()).collect(Collectors.toSet());
        Map<String, byte[]> out = new HashMap<>();
        for (Content content : delta.getContentsList()) {
            if (wanted.contains(content.getSha256())) {
                out.put(content.getSha256(), content.getData().toByteArray());
            }
        }
        return out;
    }

    private void logDelta(Host host, Delta delta, DeltaPlan plan, int observed, ObservationTimes times, Instant receivedAt) {
        AppliedDelta row = new AppliedDelta();
        row.hostId = host.id;
        row.seq = delta.getSeq();
        row.baseSeq = delta.getBaseSeq();
        row.fullSnapshot = delta.getFull();
        row.observedAt = times.observedAt();
        row.receivedAt = receivedAt;
        row.manifestDigest = host.manifestDigest;
        row.itemCount = host.itemCount;
        row.upserts = plan.upserts().size();
        row.removals = plan.removals().size();
        row.observedChanges = observed;
        log.persist(row);
    }
}
