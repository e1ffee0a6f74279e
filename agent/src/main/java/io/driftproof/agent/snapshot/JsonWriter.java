package io.driftproof.agent.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** A minimal streaming JSON writer; the agent has no JSON library to stay small. */
final class JsonWriter {

    private final Writer out;
    private boolean needComma;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        separate();
        write("{");
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        write("}");
        needComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        write("[");
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        write("]");
        needComma = true;
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        write(":");
        needComma = false;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        string(value);
        needComma = true;
        return this;
    }

    JsonWriter value(long value) {
        separate();
        write(Long.toString(value));
        needComma = true;
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        write(Boolean.toString(value));
        needComma = true;
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** Writes the field only when the value is not empty. */
    JsonWriter optionalField(String name, String value) {
        return value.isEmpty() ? this : field(name, value);
    }

    void newline() {
        write("\n");
    }

    private void separate() {
        if (needComma) {
            write(",");
            needComma = false;
        }
    }

    private void string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        write(b.append('"').toString());
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
