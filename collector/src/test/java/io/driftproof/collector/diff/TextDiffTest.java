package io.driftproof.collector.diff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void editIsOneHunkWithLineNumbersOnBothSides() {
        TextDiff diff = TextDiff.of("/etc/hosts", "a\nb\nc\n", "a\nB\nc\n");
        assertThat(diff.unified()).isEqualTo("""
                --- a/etc/hosts
                +++ b/etc/hosts
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                 c
                """);
        ChangeDiff.Hunk hunk = diff.hunks().get(0);
        assertThat(List.of(hunk.oldStart(), hunk.oldLines(), hunk.newStart(), hunk.newLines())).containsExactly(1, 3, 1, 3);
        assertThat(hunk.lines()).containsExactly(
                new ChangeDiff.Line(ChangeDiff.LineType.CONTEXT, 1, 1, "a"),
                new ChangeDiff.Line(ChangeDiff.LineType.REMOVED, 2, null, "b"),
                new ChangeDiff.Line(ChangeDiff.LineType.ADDED, null, 2, "B"),
                new ChangeDiff.Line(ChangeDiff.LineType.CONTEXT, 3, 3, "c"));
    }

    @Test
    void newFileIsShownInFullAgainstNothing() {
        TextDiff diff = TextDiff.of("/etc/new", null, "one\ntwo\n");
        assertThat(diff.unified()).startsWith("--- /dev/null\n+++ b/etc/new\n").contains("+one\n+two\n");
        assertThat(diff.hunks()).hasSize(1);
        assertThat(diff.hunks().get(0).oldLines()).isZero();
        assertThat(diff.hunks().get(0).oldStart()).isZero();
        assertThat(diff.hunks().get(0).lines()).extracting(ChangeDiff.Line::newNumber).containsExactly(1, 2);
    }

    @Test
    void distantEditsAreSeparateHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 19\n", "line nineteen\n");
        TextDiff diff = TextDiff.of("/etc/f", before.toString(), after);
        assertThat(diff.hunks()).hasSize(2);
        assertThat(diff.hunks().get(1).oldStart()).isEqualTo(16);
    }

    @Test
    void identicalTextsHaveNoHunks() {
        assertThat(TextDiff.of("/etc/f", "same\n", "same\n").hunks()).isEmpty();
    }
}
