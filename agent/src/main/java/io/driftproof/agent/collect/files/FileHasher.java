package io.driftproof.agent.collect.files;

import io.driftproof.agent.hash.Sha256;
import io.driftproof.proto.v1.ContentState;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads regular files once each: SHA-256 of the content and, for text files within the capture
 * limit that are not sensitive, the content itself. Buffers are reused from file to file, so one
 * hasher serves one scan on one thread; {@link #close} releases its native resources.
 */
class FileHasher implements AutoCloseable {

    private static final int CHUNK = 256 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final Sha256 sha256 = Sha256.create();
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
    private byte[] content = new byte[64 * 1024];
    private long reads;

    /**
     * @param content the bytes, for {@link ContentState#CAPTURED} only; otherwise null
     */
    record Hashed(String sha256, ContentState state, byte[] content) {
    }

    /**
     * @param sensitive hash only, never keep the content
     * @param size      the size the file had when it was stat'ed
     * @param limit     largest content kept
     */
    Hashed hash(Path file, boolean sensitive, long size, long limit) throws IOException {
        reads++;
        sha256.reset();
        boolean capture = !sensitive && size <= limit;
        int captured = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (true) {
                chunk.clear();
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                chunk.flip();
                sha256.update(chunk, n);
                if (capture) {
                    // The file grew past the limit since it was stat'ed: hash the rest only.
                    capture = captured + (long) n <= limit;
                    if (capture) {
                        if (captured + n > content.length) {
                            content = Arrays.copyOf(content, (int) Math.min(limit + 1, Math.max(2L * content.length, captured + n)));
                        }
                        chunk.get(content, captured, n);
                        captured += n;
                    }
                }
            }
        }
        String hex = HEX.formatHex(sha256.digest());
        if (sensitive) {
            return new Hashed(hex, ContentState.SENSITIVE, null);
        }
        if (!capture) {
            return new Hashed(hex, ContentState.TOO_LARGE, null);
        }
        if (!Utf8Text.isText(content, captured)) {
            return new Hashed(hex, ContentState.BINARY, null);
        }
        return new Hashed(hex, ContentState.CAPTURED, Arrays.copyOf(content, captured));
    }

    /** How many files this hasher has read. */
    long reads() {
        return reads;
    }

    @Override
    public void close() {
        sha256.close();
    }
}
