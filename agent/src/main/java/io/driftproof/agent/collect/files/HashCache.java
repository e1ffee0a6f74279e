package io.driftproof.agent.collect.files;

import io.driftproof.proto.v1.ContentState;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The config-file hash cache, like git's index: for each regular file the (size, mtime, ctime,
 * inode) it had when last read, with its hash and content state. A file whose four values are
 * unchanged is not read again.
 *
 * <p>On disk: magic, format version, the host root the entries belong to, the entry count, the
 * entries, and a CRC-32 of all that. It is written to a temporary file and renamed over the old
 * one, so a crash leaves either cache whole. A missing, corrupt or foreign cache is ignored (every
 * file is read again) with one log line.
 */
final class HashCache {

    static final String FILE_NAME = "config-files-cache.bin";
    private static final int MAGIC = 0x44504643;
    private static final int FORMAT = 1;
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

    /** The entries by host path, or none when the file is missing, corrupt or written for another root. */
    static Map<String, Entry> load(Path file, String root) {
        CRC32 crc = new CRC32();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 64 * 1024), crc))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                LOG.info("config-file hash cache " + file + " has an unknown format; reading every file again");
                return Map.of();
            }
            if (!in.readUTF().equals(root)) {
                LOG.info("config-file hash cache " + file + " belongs to another host root; reading every file again");
                return Map.of();
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("negative entry count");
            }
            Map<String, Entry> entries = new HashMap<>(count * 4 / 3 + 1);
            byte[] sha = new byte[32];
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                long size = in.readLong();
                long mtime = in.readLong();
                long ctime = in.readLong();
                long inode = in.readLong();
                ContentState state = ContentState.forNumber(in.readUnsignedByte());
                in.readFully(sha);
                if (state == null) {
                    throw new IOException("unknown content state");
                }
                entries.put(path, new Entry(size, mtime, ctime, inode, HEX.formatHex(sha), state));
            }
            long expected = crc.getValue();
            if (in.readLong() != expected || in.read() != -1) {
                throw new IOException("checksum mismatch");
            }
            return entries;
        } catch (NoSuchFileException e) {
            LOG.info("no config-file hash cache yet at " + file + "; reading every file");
            return Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.info("config-file hash cache " + file + " is unreadable (" + e.getMessage() + "); reading every file again");
            return Map.of();
        }
    }

    static void save(Path file, String root, Map<String, Entry> entries) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(root);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry v = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(v.size());
                out.writeLong(v.mtimeNanos());
                out.writeLong(v.ctimeNanos());
                out.writeLong(v.inode());
                out.writeByte(v.state().getNumber());
                out.write(HEX.parseHex(v.sha256()));
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
