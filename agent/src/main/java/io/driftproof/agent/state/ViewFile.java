package io.driftproof.agent.state;

import io.driftproof.agent.delta.AgentView;
import io.driftproof.agent.delta.ViewEntry;
import io.driftproof.agent.delta.ViewReader;
import io.driftproof.agent.delta.ViewWriter;
import io.driftproof.agent.spool.AtomicFiles;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.ItemKind;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The committed view on disk ({@code view.bin}): one record per item in ascending item-key
 * order, then a fixed-size trailer (seq, scan time, full-pending flag, digest, item count), then
 * a CRC-32 of everything before it. Items are read and written as streams, so the agent's
 * memory does not grow with the host. The trailer comes last because a view is written while
 * the scan that makes it runs; {@code status} reads it alone.
 *
 * <p>A new view is written to {@code view.next} and forced to disk before its delta is
 * committed to the spool, then renamed into place; see {@link AgentState}.
 */
public final class ViewFile {

    public static final String NAME = "view.bin";
    static final String NEXT = "view.next";
    private static final int MAGIC = 0x44505632; // "DPV2"
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final int TRAILER = Long.BYTES * 3 + Integer.BYTES + 1 + ManifestDigest.BYTES;
    private static final int BUFFER = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    /** What the trailer says, without the items. */
    public record Header(long seq, Optional<Instant> observedAt, boolean fullPending, ManifestDigest digest, int itemCount) {

        AgentView view() {
            return AgentView.restore(seq, observedAt, fullPending, digest.toBytes(), itemCount);
        }
    }

    private ViewFile() {
    }

    /** The committed view's header in {@code stateDir}, or empty if there is none yet. */
    public static Optional<Header> readHeader(Path stateDir) throws IOException {
        return header(stateDir.resolve(NAME));
    }

    private static Optional<Header> header(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Integer.BYTES + 1 + TRAILER + Long.BYTES) {
                throw new IOException(file + " is truncated");
            }
            ByteBuffer magic = ByteBuffer.allocate(Integer.BYTES);
            readFully(channel, magic, 0);
            if (magic.getInt(0) != MAGIC) {
                throw new IOException(file + " is not a driftproof view file (or of an older version)");
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
            readFully(channel, trailer, size - Long.BYTES - TRAILER);
            trailer.flip();
            long seq = trailer.getLong();
            long seconds = trailer.getLong();
            int nanos = trailer.getInt();
            boolean fullPending = trailer.get() != 0;
            byte[] digest = new byte[ManifestDigest.BYTES];
            trailer.get(digest);
            long count = trailer.getLong();
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw new IOException(file + " has an impossible item count " + count);
            }
            return Optional.of(new Header(seq, seconds == NO_TIME ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(seconds, nanos)), fullPending, ManifestDigest.fromBytes(digest), (int) count));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
    }

    /** The committed view's header, after checking the whole file's checksum. */
    static Optional<AgentView> read(Path stateDir) throws IOException {
        Path file = stateDir.resolve(NAME);
        Optional<Header> header = header(file);
        if (header.isPresent()) {
            verify(file);
        }
        return header.map(Header::view);
    }

    private static void verify(Path file) throws IOException {
        long size = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            byte[] chunk = new byte[BUFFER];
            long remaining = size - Long.BYTES;
            while (remaining > 0) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
                if (n < 0) {
                    throw new IOException(file + " is truncated");
                }
                crc.update(chunk, 0, n);
                remaining -= n;
            }
            if (new DataInputStream(in).readLong() != crc.getValue()) {
                throw new IOException(file + " is corrupt (checksum mismatch)");
            }
        }
    }

    /** The committed view's items in ascending key order (none when there is no view). */
    static ViewReader entries(Path stateDir) throws IOException {
        Path file = stateDir.resolve(NAME);
        try {
            return new Reader(file);
        } catch (NoSuchFileException e) {
            return ViewReader.EMPTY;
        }
    }

    /** A view with no items, written in place at once (first start, after a Resync). */
    static void writeEmpty(Path stateDir, AgentView view) throws IOException {
        try (Writer writer = new Writer(stateDir, NAME + AtomicFiles.TEMP_SUFFIX)) {
            writer.finish(view);
            writer.install();
        }
    }

    private static final class Reader implements ViewReader {
        private final DataInputStream in;
        private final Path file;

        Reader(Path file) throws IOException {
            this.file = file;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
            if (in.readInt() != MAGIC) {
                in.close();
                throw new IOException(file + " is not a driftproof view file (or of an older version)");
            }
        }

        @Override
        public ViewEntry next() throws IOException {
            try {
                if (in.readUnsignedByte() == 0) {
                    return null;
                }
                ItemKind kind = ItemKind.forNumber(in.readInt());
                String key = new String(bytes(in.readInt()), StandardCharsets.UTF_8);
                byte[] fingerprint = bytes(ManifestDigest.BYTES);
                int captured = in.readUnsignedByte();
                String sha256 = captured == 0 ? "" : HEX.formatHex(bytes(captured));
                return new ViewEntry(kind == null ? ItemKind.UNRECOGNIZED : kind, key, fingerprint, sha256);
            } catch (EOFException e) {
                throw new IOException(file + " is truncated", e);
            }
        }

        private byte[] bytes(int length) throws IOException {
            if (length < 0 || length > 1 << 20) {
                throw new IOException(file + " has a string of impossible length " + length);
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Writes a new view item by item to {@code view.next}; {@link #finish} adds the trailer and
     * forces it to disk, {@link #install} renames it over {@code view.bin}. Closing without
     * installing discards it.
     */
    static final class Writer implements ViewWriter, AutoCloseable {
        private final Path stateDir;
        private final Path temp;
        private final FileChannel channel;
        private final CheckedOutputStream checked;
        private final DataOutputStream out;
        private boolean installed;

        /** A scan's next view, written while the scan runs. */
        Writer(Path stateDir) throws IOException {
            this(stateDir, NEXT);
        }

        private Writer(Path stateDir, String tempName) throws IOException {
            this.stateDir = stateDir;
            this.temp = stateDir.resolve(tempName);
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            this.checked = new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), new CRC32());
            this.out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
        }

        @Override
        public void add(ViewEntry e) throws IOException {
            out.writeByte(1);
            out.writeInt(e.kind().getNumber());
            byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
            out.writeInt(key.length);
            out.write(key);
            out.write(e.fingerprint());
            byte[] sha256 = e.capturedSha256().isEmpty() ? new byte[0] : HEX.parseHex(e.capturedSha256());
            out.writeByte(sha256.length);
            out.write(sha256);
        }

        /** Ends the file with {@code view}'s header and forces it to disk. */
        void finish(AgentView view) throws IOException {
            out.writeByte(0);
            out.writeLong(view.seq());
            Optional<Instant> at = view.observedAt();
            out.writeLong(at.map(Instant::getEpochSecond).orElse(NO_TIME));
            out.writeInt(at.map(Instant::getNano).orElse(0));
            out.writeBoolean(view.fullPending());
            out.write(view.digest().toBytes());
            out.writeLong(view.size());
            out.flush();
            out.writeLong(checked.getChecksum().getValue());
            out.flush();
            channel.force(true);
        }

        void install() throws IOException {
            channel.close();
            Files.move(temp, stateDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(stateDir);
            installed = true;
        }

        @Override
        public void close() throws IOException {
            if (!installed) {
                channel.close();
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * After a crash between committing a delta to the spool and installing its view: installs
     * {@code view.next} when it is the complete view of spooled delta {@code spooledSeq}, else
     * removes it.
     *
     * @return whether a view was installed
     */
    static boolean recoverNext(Path stateDir, long spooledSeq) throws IOException {
        Path next = stateDir.resolve(NEXT);
        if (!Files.exists(next)) {
            return false;
        }
        boolean complete;
        try {
            complete = header(next).map(h -> h.seq() == spooledSeq).orElse(false);
            if (complete) {
                verify(next);
            }
        } catch (IOException e) {
            complete = false;
        }
        if (!complete) {
            Files.delete(next);
            return false;
        }
        Files.move(next, stateDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.syncDirectory(stateDir);
        return true;
    }
}
