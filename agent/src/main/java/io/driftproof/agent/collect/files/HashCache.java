package io.driftproof.agent.collect.files;

import io.driftproof.proto.v1.ContentState;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The config-file hash cache, like git's index: for each regular file the (size, mtime, ctime,
 * inode) it had when last read, with its hash and content state. A file whose four values are
 * unchanged is not read again.
 *
 * <p>Entries are stored in the scan's walk order, which is ascending path order, so a scan reads
 * the previous cache as a cursor and writes the next one as it goes: memory stays constant
 * however many files there are.
 *
 * <p>On disk: magic, format version, the host root the entries belong to, the entries (each
 * after a marker byte 1), an end marker 0, and a CRC-32 of all that. The checksum is verified
 * in a first pass before any entry is used. The new cache is written to a temporary file and
 * renamed over the old one, so a crash leaves either cache whole. A missing, corrupt or foreign
 * cache is ignored (every file is read again) with one log line.
 */
final class HashCache {

    static final String FILE_NAME = "config-files-cache.bin";
    private static final int MAGIC = 0x44504643;
    private static final int FORMAT = 2;
    private static final int BUFFER = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = Logger.getLogger(HashCache.class.getName());

    /** What was known of one file when it was last read. */
    record Entry(long size, long mtimeNanos, long ctimeNanos, long inode, String sha256, ContentState state) {

        static Entry of(FileStat stat, String sha256, ContentState state) {
            return new Entry(stat.size, stat.mtimeNanos(), stat.ctimeNanos(), stat.inode, sha256, state);
        }

        boolean sameFile(FileStat stat) {
            return size == stat.size && inode == stat.inode
                    && mtimeNanos == stat.mtimeNanos() && ctimeNanos == stat.ctimeNanos();
        }
    }

    private HashCache() {
    }

    /** The previous scan's entries, looked up in ascending path order. */
    interface Lookup extends Closeable {
        /** @return the entry of {@code path}; paths must be asked in ascending order */
        Entry find(String path) throws IOException;

        @Override
        void close();
    }

    static final Lookup NONE = new Lookup() {
        @Override
        public Entry find(String path) {
            return null;
        }

        @Override
        public void close() {
        }
    };

    /** The entries of {@code file}, or none when it is missing, corrupt or written for another root. */
    static Lookup open(Path file, String root) {
        try {
            if (!intact(file)) {
                LOG.info("config-file hash cache " + file + " is corrupt; reading every file again");
                return NONE;
            }
            Cursor cursor = new Cursor(file);
            if (!cursor.belongsTo(root)) {
                cursor.close();
                LOG.info("config-file hash cache " + file + " belongs to another host root; reading every file again");
                return NONE;
            }
            return cursor;
        } catch (NoSuchFileException e) {
            LOG.info("no config-file hash cache yet at " + file + "; reading every file");
        } catch (IOException | RuntimeException e) {
            LOG.info("config-file hash cache " + file + " is unreadable (" + e.getMessage() + "); reading every file again");
        }
        return NONE;
    }

    /** Whether the file is one cache of the current format with a matching checksum. */
    private static boolean intact(Path file) throws IOException {
        long size = Files.size(file);
        if (size < Long.BYTES + 2 * Integer.BYTES) {
            return false;
        }
        CRC32 crc = new CRC32();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            byte[] chunk = new byte[BUFFER];
            long remaining = size - Long.BYTES;
            while (remaining > 0) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
                if (n < 0) {
                    return false;
                }
                crc.update(chunk, 0, n);
                remaining -= n;
            }
            return new DataInputStream(in).readLong() == crc.getValue();
        }
    }

    /** Reads a verified cache file entry by entry, forwards only. */
    private static final class Cursor implements Lookup {
        private final DataInputStream in;
        private final byte[] sha = new byte[32];
        private String path;
        private Entry entry;

        Cursor(Path file) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        }

        boolean belongsTo(String root) throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(root)) {
                return false;
            }
            advance();
            return true;
        }

        private void advance() throws IOException {
            if (in.readUnsignedByte() == 0) {
                path = null;
                entry = null;
                return;
            }
            path = in.readUTF();
            long size = in.readLong();
            long mtime = in.readLong();
            long ctime = in.readLong();
            long inode = in.readLong();
            ContentState state = ContentState.forNumber(in.readUnsignedByte());
            in.readFully(sha);
            if (state == null) {
                throw new IOException("unknown content state");
            }
            entry = new Entry(size, mtime, ctime, inode, HEX.formatHex(sha), state);
        }

        @Override
        public Entry find(String wanted) throws IOException {
            try {
                while (path != null && path.compareTo(wanted) < 0) {
                    advance();
                }
            } catch (EOFException e) {
                path = null;
            }
            return wanted.equals(path) ? entry : null;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
        }
    }

    /** Writes the next cache in walk order; {@link #commit} puts it in place, {@link #close} alone discards it. */
    static final class Writer implements Closeable {
        private final Path file;
        private final Path temp;
        private final FileChannel channel;
        private final CRC32 crc = new CRC32();
        private final DataOutputStream out;
        private boolean committed;

        Writer(Path file, String root) throws IOException {
            this.file = file;
            // A unique name: a one-shot scan and the service may write caches of the same state directory.
            this.temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            this.out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(root);
        }

        void add(String path, Entry entry) throws IOException {
            out.writeByte(1);
            out.writeUTF(path);
            out.writeLong(entry.size());
            out.writeLong(entry.mtimeNanos());
            out.writeLong(entry.ctimeNanos());
            out.writeLong(entry.inode());
            out.writeByte(entry.state().getNumber());
            out.write(HEX.parseHex(entry.sha256()));
        }

        void commit() throws IOException {
            out.writeByte(0);
            out.flush();
            long checksum = crc.getValue();
            out.writeLong(checksum);
            out.close();
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                Files.deleteIfExists(temp);
            }
        }
    }
}
