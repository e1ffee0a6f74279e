package io.driftproof.collector.changes;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields separated by commas, optionally quoted ("" is a quote inside quotes, and a
 * quoted field may hold commas and line breaks); lines end with CRLF or LF; blank lines are skipped. */
final class Csv {

    private Csv() {
    }

    /** A parsed line and the line number it starts on (1-based). */
    record Line(int number, List<String> fields) {
    }

    /** @throws IllegalArgumentException naming the line of an unterminated quote */
    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int lineStart = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(lines, fields, field, lineStart);
                line++;
                lineStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + lineStart + ": a quoted field is not closed");
        }
        end(lines, fields, field, lineStart);
        return lines;
    }

    private static void end(List<Line> lines, List<String> fields, StringBuilder field, int number) {
        fields.add(field.toString());
        field.setLength(0);
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            lines.add(new Line(number, List.copyOf(fields)));
        }
        fields.clear();
    }
}
