package io.driftproof.agent.spool;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.driftproof.agent.delta.PartWriter;
import io.driftproof.proto.v1.Delta;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One delta being written to the spool, part by part, into a temporary file. Writing stops (and
 * {@link Spool#commit} refuses the delta) once it alone is larger than the spool's limit, so a
 * huge scan cannot fill the disk. Closing without committing removes the file.
 */
public final class SpoolWriter implements PartWriter, Closeable {

    private final Path temp;
    private final long seq;
    private final long limit;
    private final FileChannel channel;
    private final OutputStream out;
    private long bytes;
    private long baseSeq;
    private boolean full;
    private ByteString digest = ByteString.EMPTY;
    private boolean first = true;
    private boolean moved;

    SpoolWriter(Path temp, long seq, long limit) throws IOException {
        this.temp = temp;
        this.seq = seq;
        this.limit = limit;
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    @Override
    public void write(Delta part) throws IOException {
        if (part.getSeq() != seq) {
            throw new IllegalArgumentException("part of delta " + part.getSeq() + " written to the spool file of " + seq);
        }
        if (first) {
            baseSeq = part.getBaseSeq();
            full = part.getFull();
            first = false;
        }
        digest = part.getManifestDigest();
        int n = part.getSerializedSize();
        bytes += CodedOutputStream.computeUInt32SizeNoTag(n) + n;
        if (!overLimit()) {
            part.writeDelimitedTo(out);
        }
    }

    long seq() {
        return seq;
    }

    long bytes() {
        return bytes;
    }

    long baseSeq() {
        return baseSeq;
    }

    boolean full() {
        return full;
    }

    /** The manifest digest of the last part written, the delta's. */
    ByteString digest() {
        return digest;
    }

    boolean overLimit() {
        return bytes > limit;
    }

    void moveTo(Path file) throws IOException {
        out.flush();
        channel.force(true);
        channel.close();
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        moved = true;
    }

    @Override
    public void close() throws IOException {
        if (!moved) {
            channel.close();
            Files.deleteIfExists(temp);
        }
    }
}
