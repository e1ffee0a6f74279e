package io.driftproof.agent.state;

import io.driftproof.agent.delta.AgentView;
import io.driftproof.agent.delta.ViewEntry;
import io.driftproof.agent.spool.AtomicFiles;
import io.driftproof.proto.ManifestDigest;
import io.driftproof.proto.v1.ItemKind;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The committed view on disk ({@code view.bin}), written atomically. Binary and versioned: a
 * header (seq, scan time, full-pending flag, digest, item count) that {@code status} reads alone,
 * then one record per item, the shipped content hashes, and a CRC-32 of everything before it.
 */
public final class ViewFile {

    public static final String NAME = "view.bin";
    private static final int MAGIC = 0x44505631; // "DPV1"
    private static final long NO_TIME = Long.MIN_VALUE;

    /** What the header says, without the items. */
    public record Header(long seq, Optional<Instant> observedAt, boolean fullPending, ManifestDigest digest, int itemCount) {
    }

    private ViewFile() {
    }

    public static void write(Path stateDir, AgentView view) throws IOException {
        AtomicFiles.write(stateDir.resolve(NAME), raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeLong(view.seq());
            Optional<Instant> at = view.observedAt();
            out.writeLong(at.map(Instant::getEpochSecond).orElse(NO_TIME));
            out.writeInt(at.map(Instant::getNano).orElse(0));
            out.writeBoolean(view.fullPending());
            out.write(view.digest().toBytes());
            out.writeInt(view.size());
            for (ViewEntry e : view.entries()) {
                out.writeInt(e.kind().getNumber());
                string(out, e.key());
                out.write(e.fingerprint());
                string(out, e.capturedSha256());
            }
            List<String> shipped = List.copyOf(view.shippedContents());
            out.writeInt(shipped.size());
            for (String sha256 : shipped) {
                string(out, sha256);
            }
            out.flush();
            out.writeLong(checked.getChecksum().getValue());
            out.flush();
        });
    }

    /** The view in {@code stateDir}, or empty if there is none yet. */
    public static Optional<AgentView> read(Path stateDir) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(stateDir.resolve(NAME)))) {
            CheckedInputStream checked = new CheckedInputStream(file, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            Header header = header(in);
            List<ViewEntry> entries = new ArrayList<>(header.itemCount());
            for (int i = 0; i < header.itemCount(); i++) {
                ItemKind kind = ItemKind.forNumber(in.readInt());
                String key = string(in);
                byte[] fingerprint = fixed(in, ManifestDigest.BYTES);
                entries.add(new ViewEntry(kind == null ? ItemKind.UNRECOGNIZED : kind, key, fingerprint, string(in)));
            }
            int shippedCount = in.readInt();
            List<String> shipped = new ArrayList<>(shippedCount);
            for (int i = 0; i < shippedCount; i++) {
                shipped.add(string(in));
            }
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected) {
                throw new IOException(stateDir.resolve(NAME) + " is corrupt (checksum mismatch)");
            }
            AgentView view = AgentView.restore(header.seq(), header.observedAt(), header.fullPending(),
                    header.digest().toBytes(), entries, shipped);
            return Optional.of(view);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException e) {
            throw new IOException(stateDir.resolve(NAME) + " is truncated", e);
        }
    }

    /** Only the header, for a quick status. */
    public static Optional<Header> readHeader(Path stateDir) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(stateDir.resolve(NAME))))) {
            return Optional.of(header(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static Header header(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a driftproof view file (or an unknown version)");
        }
        long seq = in.readLong();
        long seconds = in.readLong();
        int nanos = in.readInt();
        boolean fullPending = in.readBoolean();
        byte[] digest = fixed(in, ManifestDigest.BYTES);
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("view file has a negative item count");
        }
        return new Header(seq, seconds == NO_TIME ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds, nanos)),
                fullPending, ManifestDigest.fromBytes(digest), count);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("view file has a string of impossible length " + length);
        }
        return new String(fixed(in, length), StandardCharsets.UTF_8);
    }

    private static byte[] fixed(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
