package io.driftproof.proto;

import io.driftproof.proto.v1.Item;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A set hash of a host's items: the sum modulo 2^256 of every item's fingerprint. Adding,
 * removing or replacing one item is one addition and/or one subtraction, so agent and collector
 * keep it current without re-reading the whole item set. Mutable; not thread-safe.
 */
public final class ManifestDigest {

    public static final int BYTES = 32;
    private static final int WORDS = BYTES / Long.BYTES;

    /** The sum modulo 2^256 as four 64-bit words, most significant first. */
    private final long[] sum;

    private ManifestDigest(long[] sum) {
        this.sum = sum;
    }

    public static ManifestDigest empty() {
        return new ManifestDigest(new long[WORDS]);
    }

    /** Restores a digest from its 32-byte form; an empty array is the empty set. */
    public static ManifestDigest fromBytes(byte[] bytes) {
        if (bytes.length == 0) {
            return empty();
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("manifest digest must be " + BYTES + " bytes, got " + bytes.length);
        }
        return new ManifestDigest(words(bytes));
    }

    private static long[] words(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long[] words = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            words[i] = in.getLong();
        }
        return words;
    }

    public ManifestDigest add(Item item) {
        return addFingerprint(ItemFingerprint.of(item));
    }

    public ManifestDigest remove(Item item) {
        return removeFingerprint(ItemFingerprint.of(item));
    }

    public ManifestDigest addFingerprint(byte[] fingerprint) {
        long[] x = words(fingerprint);
        long carry = 0;
        for (int i = WORDS - 1; i >= 0; i--) {
            long a = sum[i];
            long r = a + x[i] + carry;
            // Carry out of unsigned a + x + carry: the result wrapped below a, or equals it with a carry in.
            carry = Long.compareUnsigned(r, a) < 0 || (carry == 1 && r == a) ? 1 : 0;
            sum[i] = r;
        }
        return this;
    }

    public ManifestDigest removeFingerprint(byte[] fingerprint) {
        long[] x = words(fingerprint);
        long borrow = 0;
        for (int i = WORDS - 1; i >= 0; i--) {
            long a = sum[i];
            long r = a - x[i] - borrow;
            borrow = Long.compareUnsigned(a, x[i]) < 0 || (borrow == 1 && a == x[i]) ? 1 : 0;
            sum[i] = r;
        }
        return this;
    }

    public ManifestDigest copy() {
        return new ManifestDigest(sum.clone());
    }

    /** 32 bytes, big-endian. */
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(BYTES);
        for (long word : sum) {
            out.putLong(word);
        }
        return out.array();
    }

    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManifestDigest d && Arrays.equals(d.sum, sum);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sum);
    }

    @Override
    public String toString() {
        return toHex();
    }

    public boolean matches(byte[] bytes) {
        return Arrays.equals(toBytes(), bytes);
    }
}
