package io.driftproof.collector.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A line diff of two texts, as unified diff text and as hunks with line numbers. The hunks are
 * read back from the unified text, so both forms always agree. */
record TextDiff(String unified, List<ChangeDiff.Hunk> hunks) {

    private static final int CONTEXT = 3;
    private static final Pattern HUNK_HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** @param before null when the file did not exist before; {@code after} likewise */
    static TextDiff of(String path, String before, String after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised, new DiscardingDiff<>(new MyersDiff<>()));
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a" + path,
                after == null ? "/dev/null" : "b" + path, original, patch, CONTEXT);
        return new TextDiff(unified.isEmpty() ? "" : String.join("\n", unified) + "\n", hunks(unified));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static List<ChangeDiff.Hunk> hunks(List<String> unified) {
        List<ChangeDiff.Hunk> hunks = new ArrayList<>();
        List<ChangeDiff.Line> lines = null;
        int oldStart = 0, oldCount = 0, newStart = 0, newCount = 0, oldLine = 0, newLine = 0;
        for (String line : unified) {
            Matcher header = HUNK_HEADER.matcher(line);
            if (header.find()) {
                if (lines != null) {
                    hunks.add(new ChangeDiff.Hunk(oldStart, oldCount, newStart, newCount, List.copyOf(lines)));
                }
                oldCount = header.group(2) == null ? 1 : Integer.parseInt(header.group(2));
                newCount = header.group(4) == null ? 1 : Integer.parseInt(header.group(4));
                oldStart = oldCount == 0 ? 0 : Integer.parseInt(header.group(1));
                newStart = newCount == 0 ? 0 : Integer.parseInt(header.group(3));
                oldLine = Integer.parseInt(header.group(1));
                newLine = Integer.parseInt(header.group(3));
                lines = new ArrayList<>();
            } else if (lines != null && !line.isEmpty()) {
                String text = line.substring(1);
                switch (line.charAt(0)) {
                    case '+' -> lines.add(new ChangeDiff.Line(ChangeDiff.LineType.ADDED, null, newLine++, text));
                    case '-' -> lines.add(new ChangeDiff.Line(ChangeDiff.LineType.REMOVED, oldLine++, null, text));
                    default -> lines.add(new ChangeDiff.Line(ChangeDiff.LineType.CONTEXT, oldLine++, newLine++, text));
                }
            }
        }
        if (lines != null) {
            hunks.add(new ChangeDiff.Hunk(oldStart, oldCount, newStart, newCount, List.copyOf(lines)));
        }
        return hunks;
    }
}
