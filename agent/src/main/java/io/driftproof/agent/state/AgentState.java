package io.driftproof.agent.state;

import io.driftproof.agent.delta.AgentView;
import io.driftproof.agent.delta.DeltaBuilder;
import io.driftproof.agent.delta.DeltaPlan;
import io.driftproof.agent.snapshot.Snapshot;
import io.driftproof.agent.spool.DeltaReader;
import io.driftproof.agent.spool.Spool;
import io.driftproof.agent.spool.SpoolEntry;
import io.driftproof.agent.spool.SpoolFullException;
import io.driftproof.proto.v1.Delta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The agent's durable state in its state directory: the committed view ({@code view.bin}), the
 * spool of undelivered deltas ({@code spool/}) and the marks ({@code marks.properties}).
 *
 * <p>The spool file is the commit point: a delta is spooled first, then the view is written. If
 * the agent dies in between, {@link #open} re-applies the spooled deltas newer than the view, so
 * a seq is never handed out twice. Thread-safe: the scanner records, the sender acknowledges.
 */
public final class AgentState implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AgentState.class.getName());

    private final Path stateDir;
    private final StateLock lock;
    private final AgentView view;
    private final Spool spool;
    private Marks marks;
    private boolean heldBack;
    private volatile StateListener listener = StateListener.NONE;

    private AgentState(Path stateDir, StateLock lock, AgentView view, Spool spool, Marks marks) {
        this.stateDir = stateDir;
        this.lock = lock;
        this.view = view;
        this.spool = spool;
        this.marks = marks;
    }

    /**
     * Opens the state directory (creating it, private to the agent's user), takes the lock against
     * a second agent process, and reconciles view and spool after a crash.
     *
     * @throws StateBusyException when another agent process holds the state directory
     */
    public static AgentState open(Path stateDir, long spoolLimit) throws IOException {
        StateDirectory.createPrivate(stateDir);
        StateLock lock = StateLock.acquire(stateDir);
        try {
            Marks marks = readMarks(stateDir);
            Optional<AgentView> stored = readView(stateDir);
            AgentView view = stored.orElseGet(AgentView::empty);
            Spool spool = Spool.open(stateDir.resolve("spool"), spoolLimit);
            AgentState state = new AgentState(stateDir, lock, view, spool, marks);
            state.reconcile(stored.isEmpty() && Files.exists(stateDir.resolve(ViewFile.NAME)));
            return state;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Marks readMarks(Path stateDir) {
        try {
            return Marks.read(stateDir);
        } catch (IOException e) {
            LOG.warning(e.getMessage() + "; starting with no marks (the collector's Welcome restores the acked seq)");
            return Marks.none();
        }
    }

    private static Optional<AgentView> readView(Path stateDir) {
        try {
            return ViewFile.read(stateDir);
        } catch (IOException e) {
            LOG.severe(e.getMessage() + "; a full snapshot will be sent");
            return Optional.empty();
        }
    }

    private void reconcile(boolean viewLost) throws IOException {
        if (view.fullPending()) {
            // Left over from a Resync that was interrupted between resetting the view and emptying the spool.
            spool.deleteThrough(view.seq());
        }
        spool.deleteThrough(marks.ackedSeq());
        boolean lost = viewLost || spool.hadUnreadableFiles();
        int reapplied = 0;
        for (SpoolEntry entry : spool.entries()) {
            if (lost || entry.seq() <= view.seq()) {
                continue;
            }
            try (DeltaReader reader = spool.read(entry)) {
                for (Optional<Delta> part = reader.next(); part.isPresent(); part = reader.next()) {
                    view.apply(part.get());
                }
                reapplied++;
            } catch (IOException | IllegalStateException e) {
                LOG.severe("cannot re-apply spooled delta seq " + entry.seq() + ": " + e.getMessage());
                lost = true;
            }
        }
        long floor = Math.max(view.seq(), Math.max(marks.ackedSeq(), spool.lastSeq()));
        if (lost) {
            LOG.severe("agent state was damaged; undelivered deltas are dropped and a full snapshot will be sent");
            view.reset(floor);
            spool.deleteAll();
        } else if (view.fullPending() && floor > view.seq()) {
            view.reset(floor);
        } else if (reapplied == 0) {
            return;
        }
        if (reapplied > 0) {
            LOG.info("re-applied " + reapplied + " spooled delta(s) written just before the agent stopped");
        }
        ViewFile.write(stateDir, view);
    }

    public void setListener(StateListener listener) {
        this.listener = listener;
    }

    /**
     * Turns a snapshot into a spooled delta and advances the view, or explains why not.
     *
     * @param rehashed whether the scan re-read everything (required for a full snapshot, so that
     *                 every content is offered again)
     */
    public RecordResult record(Snapshot snapshot, boolean rehashed) throws IOException {
        RecordResult result;
        synchronized (this) {
            result = recordLocked(snapshot, rehashed);
        }
        if (result.outcome() == RecordResult.Outcome.RECORDED) {
            listener.deltaSpooled(result.seq());
        }
        return result;
    }

    private RecordResult recordLocked(Snapshot snapshot, boolean rehashed) throws IOException {
        if (view.fullPending() && !rehashed) {
            return RecordResult.needsFullScan(view.seq());
        }
        Optional<DeltaPlan> plan = DeltaBuilder.build(view, snapshot, marks.scanAtFor(view.seq()).or(view::observedAt));
        if (plan.isEmpty()) {
            marks = marks.scanned(view.seq(), snapshot.observedAt());
            marks.write(stateDir);
            return RecordResult.unchanged(view.seq());
        }
        List<Delta> parts = plan.get().parts(DeltaPlan.PART_BYTES);
        try {
            spool.append(plan.get().seq(), parts);
        } catch (SpoolFullException e) {
            marks = marks.spoolFull();
            marks.write(stateDir);
            if (!heldBack) {
                LOG.severe(e.getMessage());
            }
            heldBack = true;
            return RecordResult.spoolFull(view.seq(), e.getMessage());
        }
        for (Delta part : parts) {
            view.apply(part);
        }
        ViewFile.write(stateDir, view);
        return RecordResult.recorded(view.seq(), plan.get().changes().size());
    }

    /**
     * The collector acknowledged every delta up to {@code seq}: their spool files go.
     *
     * @return the deltas removed from the spool
     */
    public List<SpoolEntry> ack(long seq) throws IOException {
        List<SpoolEntry> deleted;
        boolean freed;
        synchronized (this) {
            if (seq > view.seq()) {
                LOG.warning("collector acknowledged seq " + seq + ", beyond the last delta spooled (" + view.seq() + "); ignored");
                return List.of();
            }
            if (seq > marks.ackedSeq()) {
                marks = marks.acked(seq, spool.entry(seq).map(e -> e.digest().toByteArray()).orElse(new byte[0]));
                marks.write(stateDir);
            }
            deleted = spool.deleteThrough(seq);
            freed = heldBack && !deleted.isEmpty();
            if (freed) {
                heldBack = false;
                LOG.info("spool has room again; the held-back change ships with the next scan");
            }
        }
        if (freed) {
            listener.spoolSpaceFreed();
        }
        return deleted;
    }

    /**
     * Drops every undelivered delta and makes the next delta a full snapshot numbered above
     * {@code seqFloor}: the collector's view of the host disagrees with the agent's.
     */
    public synchronized void resync(long seqFloor, String reason) throws IOException {
        int dropped = spool.entries().size();
        view.reset(Math.max(seqFloor, spool.lastSeq()));
        ViewFile.write(stateDir, view);
        spool.deleteAll();
        heldBack = false;
        LOG.warning("full snapshot needed (" + reason + "); " + dropped + " undelivered delta(s) dropped");
    }

    public synchronized boolean fullPending() {
        return view.fullPending();
    }

    /** Nothing left to deliver: no spooled delta and no full snapshot owed. */
    public synchronized boolean settled() {
        return spool.entries().isEmpty() && !view.fullPending();
    }

    public synchronized Marks marks() {
        return marks;
    }

    public synchronized List<SpoolEntry> pending() {
        return spool.entries();
    }

    /** The first spooled delta after {@code seq}. */
    public synchronized Optional<SpoolEntry> pendingAfter(long seq) {
        return spool.after(seq);
    }

    public DeltaReader read(SpoolEntry entry) throws IOException {
        return spool.read(entry);
    }

    public synchronized AgentStatus status() {
        return new AgentStatus(view.seq(), view.observedAt(), view.size(), view.digest().toHex(), view.fullPending(),
                marks.ackedSeq(), marks.scanAtFor(view.seq()), spool.entries().size(), spool.bytes(), spool.limit(),
                marks.spoolFullEvents());
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
