package io.driftproof.collector.content;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Compression and hashing of stored contents. */
public final class ContentCodec {

    public static final String DEFLATE = "deflate";

    private ContentCodec() {
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] inflate(byte[] compressed, long size) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            // One spare byte: data longer than recorded is as corrupt as data shorter.
            byte[] out = new byte[Math.toIntExact(size) + 1];
            int n = 0;
            while (!inflater.finished() && n < out.length) {
                int read = inflater.inflate(out, n, out.length - n);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += read;
            }
            if (n != size || !inflater.finished()) {
                throw new IllegalStateException("stored content is corrupt: expected " + size + " bytes");
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored content is corrupt", e);
        } finally {
            inflater.end();
        }
    }
}
