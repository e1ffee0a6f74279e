package io.driftproof.agent.collect.files;

import io.driftproof.proto.v1.ContentState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads regular files once each: SHA-256 of the content and, for text files within the capture
 * limit that are not sensitive, the content itself. Buffers are reused from file to file, so one
 * hasher serves one scan on one thread.
 */
class FileHasher {

    private static final int CHUNK = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final byte[] chunk = new byte[CHUNK];
    private byte[] content = new byte[CHUNK];
    private long reads;

    /**
     * @param content the bytes, for {@link ContentState#CAPTURED} only; otherwise null
     */
    record Hashed(String sha256, ContentState state, byte[] content) {
    }

    FileHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
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
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            while (true) {
                int n;
                if (capture) {
                    if (captured == content.length) {
                        content = Arrays.copyOf(content, (int) Math.min(limit + 1, 2L * content.length));
                    }
                    n = in.read(content, captured, content.length - captured);
                    if (n < 0) {
                        break;
                    }
                    sha256.update(content, captured, n);
                    captured += n;
                    // The file grew past the limit since it was stat'ed: hash the rest only.
                    capture = captured <= limit;
                } else {
                    n = in.read(chunk);
                    if (n < 0) {
                        break;
                    }
                    sha256.update(chunk, 0, n);
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
}
