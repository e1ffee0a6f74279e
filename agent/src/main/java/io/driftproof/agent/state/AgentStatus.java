package io.driftproof.agent.state;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent's counters as {@code driftproof-agent status} shows them.
 *
 * @param viewSeq         seq of the last delta spooled
 * @param observedAt      scan time of that delta
 * @param lastUnchangedScan a later scan that found nothing changed
 * @param pendingDeltas   deltas spooled and not yet acknowledged
 */
public record AgentStatus(long viewSeq, Optional<Instant> observedAt, int items, String digest, boolean fullPending,
                          long ackedSeq, Optional<Instant> lastUnchangedScan, int pendingDeltas, long spoolBytes,
                          long spoolLimit, long spoolFullEvents) {

    /** Reads the status from the files, without the lock: works while the agent runs. */
    public static AgentStatus read(Path stateDir, long spoolLimit) throws IOException {
        Optional<ViewFile.Header> header = ViewFile.readHeader(stateDir);
        Marks marks = Marks.read(stateDir);
        int pending = 0;
        long bytes = 0;
        Path spool = stateDir.resolve("spool");
        if (Files.isDirectory(spool)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, "*.delta")) {
                for (Path f : files) {
                    pending++;
                    bytes += Files.size(f);
                }
            }
        }
        long seq = header.map(ViewFile.Header::seq).orElse(0L);
        return new AgentStatus(seq, header.flatMap(ViewFile.Header::observedAt),
                header.map(ViewFile.Header::itemCount).orElse(0), header.map(h -> h.digest().toHex()).orElse(""),
                header.map(ViewFile.Header::fullPending).orElse(true), marks.ackedSeq(), marks.scanAtFor(seq),
                pending, bytes, spoolLimit, marks.spoolFullEvents());
    }

    public void print(PrintStream out) {
        out.println("view.seq: " + viewSeq);
        out.println("view.observed-at: " + observedAt.map(Instant::toString).orElse("-"));
        out.println("view.items: " + items);
        out.println("view.digest: " + (digest.isEmpty() ? "-" : digest));
        out.println("full-snapshot-pending: " + fullPending);
        out.println("last-unchanged-scan: " + lastUnchangedScan.map(Instant::toString).orElse("-"));
        out.println("acked.seq: " + ackedSeq);
        out.println("spool.pending-deltas: " + pendingDeltas);
        out.println("spool.bytes: " + spoolBytes);
        out.println("spool.limit: " + spoolLimit);
        out.println("spool.full-events: " + spoolFullEvents);
    }
}
