package io.driftproof.agent.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream line by line into one reusable byte buffer, so parsers of large line-based
 * databases (dpkg status, apk installed) look at bytes and decode only the values they keep.
 * Lines end at {@code '\n'}; a last line without one is still a line.
 */
public final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[512];
    private int length;
    private int lineNumber;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        if (eof) {
            return false;
        }
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                eof = true;
                if (any) {
                    lineNumber++;
                }
                return any;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                lineNumber++;
                return true;
            }
        }
    }

    /** 1-based number of the current line. */
    public int lineNumber() {
        return lineNumber;
    }

    public int length() {
        return length;
    }

    public byte byteAt(int index) {
        return line[index];
    }

    public boolean startsWith(byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The line from {@code from} to its end as UTF-8, without surrounding spaces and tabs. */
    public String text(int from) {
        int start = from;
        int end = length;
        while (start < end && isBlank(line[start])) {
            start++;
        }
        while (end > start && isBlank(line[end - 1])) {
            end--;
        }
        return new String(line, start, end - start, StandardCharsets.UTF_8);
    }

    /** True when the line is empty or holds only spaces and tabs. */
    public boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (!isBlank(line[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            byte[] bigger = new byte[Math.max(line.length * 2, length + n)];
            System.arraycopy(line, 0, bigger, 0, length);
            line = bigger;
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    /** ASCII bytes of a field prefix such as {@code "Package:"}. */
    public static byte[] ascii(String prefix) {
        return prefix.getBytes(StandardCharsets.US_ASCII);
    }
}
