package io.driftproof.agent.state;

import io.driftproof.agent.delta.AgentView;
import io.driftproof.agent.delta.DeltaMerger;
import io.driftproof.agent.delta.ViewReader;
import io.driftproof.agent.snapshot.SnapshotSink;
import io.driftproof.agent.spool.DeltaReader;
import io.driftproof.agent.spool.Spool;
import io.driftproof.agent.spool.SpoolEntry;
import io.driftproof.agent.spool.SpoolFullException;
import io.driftproof.agent.spool.SpoolWriter;
import io.driftproof.proto.v1.Delta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The agent's durable state in its state directory: the committed view ({@code view.bin}), the
 * spool of undelivered deltas ({@code spool/}) and the marks ({@code marks.properties}).
 *
 * <p>A scan streams into a new spool file and a new view file ({@code view.next}) at the same
 * time. The spool file's rename is the commit point: the new view is complete and on disk
 * before it, and renamed over the old view right after. If the agent dies in between, {@link
 * #open} installs {@code view.next}, so a seq is never handed out twice and the view always
 * matches the last spooled delta. Thread-safe: the scanner records, the sender acknowledges; a
 * scan runs outside the lock, so acknowledgements are not held up by it.
 */
public final class AgentState implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AgentState.class.getName());

    private final Path stateDir;
    private final StateLock lock;
    private final Spool spool;
    private final Object scanning = new Object();
    private AgentView view;
    /** Counts resets of the view, so a scan that began before one is not committed after it. */
    private long resets;
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

    /** A scan, run into the sink it is given. */
    @FunctionalInterface
    public interface Scan {
        void into(SnapshotSink sink);
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
            Spool spool = Spool.open(stateDir.resolve("spool"), spoolLimit);
            boolean installed = ViewFile.recoverNext(stateDir, spool.lastSeq());
            Optional<AgentView> stored = readView(stateDir);
            AgentView view = stored.orElseGet(AgentView::empty);
            AgentState state = new AgentState(stateDir, lock, view, spool, marks);
            if (installed) {
                LOG.info("installed the view of spooled delta seq " + view.seq() + ", written just before the agent stopped");
            }
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
        boolean lost = viewLost || spool.hadUnreadableFiles() || spool.lastSeq() > view.seq();
        long floor = Math.max(view.seq(), Math.max(marks.ackedSeq(), spool.lastSeq()));
        if (lost) {
            LOG.severe("agent state was damaged; undelivered deltas are dropped and a full snapshot will be sent");
            view = view.reset(floor);
            spool.deleteAll();
        } else if (view.fullPending() && floor > view.seq()) {
            view = view.reset(floor);
        } else {
            return;
        }
        ViewFile.writeEmpty(stateDir, view);
    }

    public void setListener(StateListener listener) {
        this.listener = listener;
    }

    /**
     * Runs a scan, turning it into a spooled delta while it runs, and advances the view; or
     * explains why not.
     *
     * @param rehashed whether the scan re-reads everything (required for a full snapshot, so that
     *                 every content is offered again)
     */
    public RecordResult record(Scan scan, boolean rehashed) throws IOException {
        RecordResult result;
        synchronized (scanning) {
            result = recordScan(scan, rehashed);
        }
        if (result.outcome() == RecordResult.Outcome.RECORDED) {
            listener.deltaSpooled(result.seq());
        }
        return result;
    }

    private RecordResult recordScan(Scan scan, boolean rehashed) throws IOException {
        AgentView base;
        long resetsSeen;
        Optional<Instant> previousScan;
        synchronized (this) {
            if (view.fullPending() && !rehashed) {
                return RecordResult.needsFullScan(view.seq());
            }
            base = view;
            resetsSeen = resets;
            previousScan = marks.scanAtFor(view.seq()).or(view::observedAt);
        }
        try (ViewReader old = base.fullPending() ? ViewReader.EMPTY : ViewFile.entries(stateDir);
             SpoolWriter parts = spool.writer(base.seq() + 1);
             ViewFile.Writer next = new ViewFile.Writer(stateDir)) {
            DeltaMerger merger = new DeltaMerger(base, old, previousScan, parts, next);
            scan.into(merger);
            Optional<DeltaMerger.Result> delta = merger.finish();
            synchronized (this) {
                if (resets != resetsSeen) {
                    // The collector asked for a full snapshot while this scan ran.
                    return RecordResult.needsFullScan(view.seq());
                }
                if (delta.isEmpty()) {
                    marks = marks.scanned(view.seq(), merger.observedAt());
                    marks.write(stateDir);
                    return RecordResult.unchanged(view.seq());
                }
                return commit(delta.get(), parts, next);
            }
        }
    }

    private RecordResult commit(DeltaMerger.Result delta, SpoolWriter parts, ViewFile.Writer next) throws IOException {
        next.finish(delta.view());
        try {
            spool.commit(parts);
        } catch (SpoolFullException e) {
            marks = marks.spoolFull();
            marks.write(stateDir);
            if (!heldBack) {
                LOG.severe(e.getMessage());
            }
            heldBack = true;
            return RecordResult.spoolFull(view.seq(), e.getMessage());
        }
        next.install();
        view = delta.view();
        return RecordResult.recorded(view.seq(), delta.changes());
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
        view = view.reset(Math.max(seqFloor, spool.lastSeq()));
        resets++;
        ViewFile.writeEmpty(stateDir, view);
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
