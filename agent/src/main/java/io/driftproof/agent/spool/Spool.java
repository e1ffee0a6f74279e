package io.driftproof.agent.spool;

import com.google.protobuf.CodedOutputStream;
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
            add(new SpoolEntry(first.getSeq(), file, Files.size(file), first.getBaseSeq(), first.getFull(), first.getManifestDigest()));
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
     * Writes a delta durably.
     *
     * @throws SpoolFullException when it would take the spool over its limit (nothing is written)
     * @throws IllegalStateException when a delta with this seq is already spooled
     */
    public SpoolEntry append(long seq, List<Delta> parts) throws IOException, SpoolFullException {
        if (seq <= lastSeq()) {
            throw new IllegalStateException("delta seq " + seq + " is not after the spooled seq " + lastSeq());
        }
        long size = 0;
        for (Delta part : parts) {
            int n = part.getSerializedSize();
            size += CodedOutputStream.computeUInt32SizeNoTag(n) + n;
        }
        if (bytes + size > limit) {
            throw new SpoolFullException(seq, size, bytes, limit);
        }
        Path file = dir.resolve(fileName(seq));
        AtomicFiles.write(file, out -> {
            for (Delta part : parts) {
                part.writeDelimitedTo(out);
            }
        });
        Delta first = parts.get(0);
        SpoolEntry entry = new SpoolEntry(seq, file, size, first.getBaseSeq(), first.getFull(), first.getManifestDigest());
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
