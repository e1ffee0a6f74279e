package io.driftproof.proto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A one-time enrollment token: {@code dpe1.<secret>.<ca-pin>} (see
 * docs/adr/0003-enrollment-token-and-ca-pinning.md). The collector creates it, the agent parses
 * it; both use this class so the format exists once.
 *
 * <ul>
 *   <li>{@code dpe1}: format version, lower case.</li>
 *   <li>{@code secret}: 16 to 64 random bytes, unpadded base64url (RFC 4648 section 5). The
 *       collector creates 32 bytes and stores only {@link #secretHash()}.</li>
 *   <li>{@code ca-pin}: SHA-256 of the DER encoding of the collector's CA certificate, unpadded
 *       base64url (always 43 characters). The agent trusts a collector at first contact only if
 *       the collector's TLS chain contains the certificate with this digest.</li>
 * </ul>
 * Every part must be in canonical form (the encoding of its decoded bytes), so one token has
 * exactly one spelling.
 */
public final class EnrollmentToken {

    public static final String PREFIX = "dpe1";
    public static final int MIN_SECRET_BYTES = 16;
    public static final int MAX_SECRET_BYTES = 64;
    public static final int CREATED_SECRET_BYTES = 32;
    private static final int PIN_BYTES = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final byte[] caPin;

    private EnrollmentToken(byte[] secret, byte[] caPin) {
        this.secret = secret;
        this.caPin = caPin;
    }

    /** A token with a fresh random secret for the CA certificate {@code caCertificateDer}. */
    public static EnrollmentToken create(byte[] caCertificateDer, SecureRandom random) {
        byte[] secret = new byte[CREATED_SECRET_BYTES];
        random.nextBytes(secret);
        return new EnrollmentToken(secret, pinOf(caCertificateDer));
    }

    /**
     * @throws InvalidTokenException naming what is wrong, never echoing the secret
     */
    public static EnrollmentToken parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new InvalidTokenException("an enrollment token has the form " + PREFIX + ".<secret>.<ca-pin>");
        }
        byte[] secret = decode(parts[1], "secret");
        if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            throw new InvalidTokenException("the token's secret must be " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES
                    + " bytes (" + MIN_SECRET_BYTES * 8 + " bits or more), got " + secret.length);
        }
        byte[] pin = decode(parts[2], "ca-pin");
        if (pin.length != PIN_BYTES) {
            throw new InvalidTokenException("the token's ca-pin must be a SHA-256 digest (" + PIN_BYTES + " bytes), got "
                    + pin.length);
        }
        return new EnrollmentToken(secret, pin);
    }

    private static byte[] decode(String part, String name) {
        if (part.isEmpty() || !part.chars().allMatch(EnrollmentToken::isBase64Url)) {
            throw new InvalidTokenException("the token's " + name + " is not unpadded base64url (A-Z a-z 0-9 - _)");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token's " + name + " is not valid base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw new InvalidTokenException("the token's " + name + " is not canonical base64url");
        }
        return bytes;
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** SHA-256 of a certificate's DER encoding: the value a token pins. */
    public static byte[] pinOf(byte[] certificateDer) {
        return sha256(certificateDer);
    }

    /** Whether {@code certificateDer} is the CA certificate this token pins (constant time). */
    public boolean pins(byte[] certificateDer) {
        return MessageDigest.isEqual(caPin, pinOf(certificateDer));
    }

    /** Whether {@code presented} is this token's secret (constant time). */
    public boolean secretMatches(EnrollmentToken presented) {
        return MessageDigest.isEqual(secret, presented.secret);
    }

    /** SHA-256 of the secret: what the collector stores and looks a presented token up by. */
    public byte[] secretHash() {
        return sha256(secret);
    }

    public byte[] caPin() {
        return caPin.clone();
    }

    /** The token as text, secret included: show it once, to whoever installs the agent. */
    public String encoded() {
        return PREFIX + "." + ENCODER.encodeToString(secret) + "." + ENCODER.encodeToString(caPin);
    }

    /** The pin only: safe for logs. */
    @Override
    public String toString() {
        return PREFIX + ".<secret>." + ENCODER.encodeToString(caPin);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrollmentToken t && MessageDigest.isEqual(secret, t.secret) && Arrays.equals(caPin, t.caPin);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(caPin);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The text is not an enrollment token; the message says why in one line. */
    public static final class InvalidTokenException extends IllegalArgumentException {
        InvalidTokenException(String message) {
            super(message);
        }
    }
}
