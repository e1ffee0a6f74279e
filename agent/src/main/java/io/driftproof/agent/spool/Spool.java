package io.driftproof.agent.spool;

import io.driftproof.proto.v1.Delta;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Deltas waiting for the collector's ack, one file per seq ({@code 00000000000000000042.delta},
 * the wire messages length-delimited in order). A delta is written and forced to disk before it
 * is sent, and deleted only once acknowledged. The total size is bounded by the spool limit.
 * Not thread-safe; its owner serialises access (reading an entry's file is safe concurrently).
 */
public final class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final String SUFFIX = ".delta";

    private final Path dir;
    private final long limit;
    private final NavigableMap<Long, SpoolEntry> entries = new TreeMap<>();
    private final List<Path> unreadable = new ArrayList<>();
    private long bytes;

    private Spool(Path dir, long limit) {
        this.dir = dir;
        this.limit = limit;
    }

    /** Opens (creating if needed) the spool in {@code dir}; leftovers of an interrupted write are removed. */
    public static Spool open(Path dir, long limit) throws IOException {
        Files.createDirectories(dir);
        Spool spool = new Spool(dir, limit);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                spool.load(file);
            }
        }
        return spool;
    }

    private void load(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
            Files.delete(file);
            return;
        }
        if (!name.endsWith(SUFFIX)) {
            return;
        }
        try (DeltaReader reader = new DeltaReader(file)) {
            Delta first = reader.next().orElseThrow(() -> new IOException("spool file " + file + " is empty"));
            if (!name.equals(fileName(first.getSeq()))) {
                throw new IOException("spool file " + file + " holds delta seq " + first.getSeq());
            }
            Delta last = first;
            for (Optional<Delta> part = reader.next(); part.isPresent(); part = reader.next()) {
                last = part.get();
            }
            if (last.getMore()) {
                throw new IOException("spool file " + file + " ends before the delta's last part");
            }
            add(new SpoolEntry(first.getSeq(), file, Files.size(file), first.getBaseSeq(), first.getFull(), last.getManifestDigest()));
        } catch (IOException e) {
            LOG.severe(e.getMessage() + "; it is removed and a full snapshot will follow");
            unreadable.add(file);
            Files.delete(file);
        }
    }

    private static String fileName(long seq) {
        return String.format("%020d%s", seq, SUFFIX);
    }

    private void add(SpoolEntry entry) {
        entries.put(entry.seq(), entry);
        bytes += entry.bytes();
    }

    /** True when files were found unreadable at open: their deltas are lost and a full snapshot must follow. */
    public boolean hadUnreadableFiles() {
        return !unreadable.isEmpty();
    }

    public long limit() {
        return limit;
    }

    public long bytes() {
        return bytes;
    }

    public List<SpoolEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<SpoolEntry> entry(long seq) {
        return Optional.ofNullable(entries.get(seq));
    }

    public Optional<SpoolEntry> after(long seq) {
        return Optional.ofNullable(entries.higherEntry(seq)).map(java.util.Map.Entry::getValue);
    }

    public long lastSeq() {
        return entries.isEmpty() ? 0 : entries.lastKey();
    }

    /**
     * Starts writing delta {@code seq}: its parts go to a temporary file until {@link #commit}.
     * The writer touches nothing but that file, so a scan may fill it while the spool serves
     * acknowledgements.
     */
    public SpoolWriter writer(long seq) throws IOException {
        return new SpoolWriter(dir.resolve(fileName(seq) + AtomicFiles.TEMP_SUFFIX), seq, limit);
    }

    /**
     * Makes a written delta durable and part of the spool: the commit point of a scan.
     *
     * @throws SpoolFullException when it would take the spool over its limit (the delta is discarded)
     * @throws IllegalStateException when a delta with this seq or a later one is already spooled
     */
    public SpoolEntry commit(SpoolWriter written) throws IOException, SpoolFullException {
        if (written.seq() <= lastSeq()) {
            throw new IllegalStateException("delta seq " + written.seq() + " is not after the spooled seq " + lastSeq());
        }
        if (written.overLimit() || bytes + written.bytes() > limit) {
            written.close();
            throw new SpoolFullException(written.seq(), written.bytes(), bytes, limit);
        }
        Path file = dir.resolve(fileName(written.seq()));
        written.moveTo(file);
        AtomicFiles.syncDirectory(dir);
        SpoolEntry entry = new SpoolEntry(written.seq(), file, written.bytes(), written.baseSeq(), written.full(), written.digest());
        add(entry);
        return entry;
    }

    public DeltaReader read(SpoolEntry entry) throws IOException {
        return new DeltaReader(entry.file());
    }

    /** Deletes every delta up to and including {@code seq}; returns them. */
    public List<SpoolEntry> deleteThrough(long seq) throws IOException {
        List<SpoolEntry> deleted = new ArrayList<>(entries.headMap(seq, true).values());
        for (SpoolEntry e : deleted) {
            Files.deleteIfExists(e.file());
            entries.remove(e.seq());
            bytes -= e.bytes();
        }
        if (!deleted.isEmpty()) {
            AtomicFiles.syncDirectory(dir);
        }
        return deleted;
    }

    public void deleteAll() throws IOException {
        deleteThrough(Long.MAX_VALUE);
    }
}
