package io.driftproof.agent.enroll;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few DER encodings (ITU-T X.690) a PKCS#10 request needs; each returns one complete TLV. */
final class Der {

    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int UTF8_STRING = 0x0c;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int CONTEXT_CONSTRUCTED = 0xa0;

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return tlv(SEQUENCE, concat(elements));
    }

    /** A SET of one element: DER orders SET OF members, which one element needs not. */
    static byte[] set(byte[] element) {
        return tlv(SET, element);
    }

    /** {@code [n] IMPLICIT} constructed, e.g. the attributes of a certification request. */
    static byte[] contextConstructed(int tagNumber, byte[]... elements) {
        if (tagNumber < 0 || tagNumber > 30) {
            throw new IllegalArgumentException("tag number " + tagNumber + " needs the long form");
        }
        return tlv(CONTEXT_CONSTRUCTED | tagNumber, concat(elements));
    }

    /** A small non-negative INTEGER. */
    static byte[] integer(int value) {
        if (value < 0 || value > 127) {
            throw new IllegalArgumentException("only 0..127 is needed, got " + value);
        }
        return tlv(INTEGER, new byte[] {(byte) value});
    }

    static byte[] utf8String(String value) {
        return tlv(UTF8_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A BIT STRING holding whole bytes (no unused bits). */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(BIT_STRING, content);
    }

    /** An OBJECT IDENTIFIER from its dotted form, e.g. {@code 2.5.4.3}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("an OID has at least two arcs: " + dotted);
        }
        long first = Long.parseLong(arcs[0]);
        long second = Long.parseLong(arcs[1]);
        if (first > 2 || first < 2 && second > 39) {
            throw new IllegalArgumentException("not an OID: " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, first * 40 + second);
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(OBJECT_IDENTIFIER, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        if (arc < 0) {
            throw new IllegalArgumentException("negative OID arc " + arc);
        }
        int groups = 1;
        for (long rest = arc >>> 7; rest != 0; rest >>>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int sevenBits = (int) (arc >>> (7 * g)) & 0x7f;
            out.write(g == 0 ? sevenBits : sevenBits | 0x80);
        }
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        writeLength(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Short form below 128, else 0x80 + the number of length bytes, then the length big-endian. */
    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
