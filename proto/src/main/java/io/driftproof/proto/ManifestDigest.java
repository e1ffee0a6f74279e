package io.driftproof.proto;

import io.driftproof.proto.v1.Item;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A set hash of a host's items: the sum modulo 2^256 of every item's fingerprint. Adding,
 * removing or replacing one item is one addition and/or one subtraction, so agent and collector
 * keep it current without re-reading the whole item set. Mutable; not thread-safe.
 */
public final class ManifestDigest {

    public static final int BYTES = 32;
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private BigInteger sum;

    private ManifestDigest(BigInteger sum) {
        this.sum = sum;
    }

    public static ManifestDigest empty() {
        return new ManifestDigest(BigInteger.ZERO);
    }

    /** Restores a digest from its 32-byte form; an empty array is the empty set. */
    public static ManifestDigest fromBytes(byte[] bytes) {
        if (bytes.length == 0) {
            return empty();
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("manifest digest must be " + BYTES + " bytes, got " + bytes.length);
        }
        return new ManifestDigest(new BigInteger(1, bytes));
    }

    public ManifestDigest add(Item item) {
        return addFingerprint(ItemFingerprint.of(item));
    }

    public ManifestDigest remove(Item item) {
        return removeFingerprint(ItemFingerprint.of(item));
    }

    public ManifestDigest addFingerprint(byte[] fingerprint) {
        sum = sum.add(new BigInteger(1, fingerprint)).mod(MODULUS);
        return this;
    }

    public ManifestDigest removeFingerprint(byte[] fingerprint) {
        sum = sum.subtract(new BigInteger(1, fingerprint)).mod(MODULUS);
        return this;
    }

    public ManifestDigest copy() {
        return new ManifestDigest(sum);
    }

    /** 32 bytes, big-endian. */
    public byte[] toBytes() {
        byte[] raw = sum.toByteArray();
        byte[] out = new byte[BYTES];
        int copy = Math.min(raw.length, BYTES);
        System.arraycopy(raw, raw.length - copy, out, BYTES - copy, copy);
        return out;
    }

    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManifestDigest d && d.sum.equals(sum);
    }

    @Override
    public int hashCode() {
        return sum.hashCode();
    }

    @Override
    public String toString() {
        return toHex();
    }

    public boolean matches(byte[] bytes) {
        return Arrays.equals(toBytes(), bytes);
    }
}
