package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangeRecord;
import io.driftproof.collector.changes.RecordTermsChanged;
import io.driftproof.collector.common.ConflictRetry;
import io.driftproof.collector.ingest.ObservedChangesRecorded;
import io.driftproof.collector.observed.ObservedChange;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * When reconciliation runs: after every ingest that recorded changes (once the delta is committed,
 * in a transaction of its own, so a failure never loses a delta; the sweep picks up what is left), whenever a record's terms
 * change (in that transaction), and periodically for changes not reconciled yet and for emergency
 * changes whose approval deadline may have passed.
 */
@ApplicationScoped
public class ReconcileTriggers {

    private static final Logger LOG = Logger.getLogger(ReconcileTriggers.class);
    private static final int SWEEP_BATCH = 500;

    private final ReconciliationService reconciliation;
    private final AffectedChanges affected;

    ReconcileTriggers(ReconciliationService reconciliation, AffectedChanges affected) {
        this.reconciliation = reconciliation;
        this.affected = affected;
    }

    void afterIngest(@Observes ObservedChangesRecorded recorded) {
        try {
            ConflictRetry.run(() -> {
                reconcileSnapshot(recorded.hostId(), recorded.snapshotSeq());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("reconciliation of host " + recorded.hostId() + " snapshot " + recorded.snapshotSeq()
                    + " failed; the periodic sweep retries it", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void reconcileSnapshot(String hostId, long seq) {
        reconciliation.reconcile(ObservedChange.list("hostId = ?1 and snapshotSeq = ?2", hostId, seq));
    }

    void onRecordTerms(@Observes RecordTermsChanged changed) {
        reconciliation.reconcile(affected.of(ChangeRecord.findById(changed.recordId())));
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sweep() {
        List<ObservedChange> pending = ObservedChange.<ObservedChange>find("status is null or status = ?1 order by id",
                ReconciliationStatus.AWAITING_EMERGENCY_APPROVAL.name()).page(0, SWEEP_BATCH).list();
        reconciliation.reconcile(pending);
    }
}
