package io.driftproof.collector.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DiscardingDiffTest {

    @Test
    void uniqueLinesBecomeChangesAroundTheCommonOnes() {
        Patch<String> patch = diff(List.of("a", "x", "b", "c"), List.of("a", "b", "y", "c", "z"));
        assertThat(patch.getDeltas()).extracting(d -> d.getType() + " " + d.getSource().getPosition() + "+"
                + d.getSource().size() + " " + d.getTarget().getPosition() + "+" + d.getTarget().size())
                .containsExactly("DELETE 1+1 1+0", "INSERT 3+0 2+1", "INSERT 4+0 4+1");
    }

    @Test
    void identicalAndEmptyTextsNeedNoChangeOrOnlyOne() {
        assertThat(diff(List.of("a", "b"), List.of("a", "b")).getDeltas()).isEmpty();
        assertThat(diff(List.of(), List.of("a", "b")).getDeltas()).hasSize(1);
        assertThat(diff(List.of("a", "b"), List.of()).getDeltas()).hasSize(1);
    }

    /** Random texts over a small alphabet (many repeated lines, some unique): the patch turns the
     * first text into the second and is exactly as short as Myers' own. */
    @Test
    void producesAShortestEditScriptThatApplies() throws PatchFailedException {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            List<String> before = text(random);
            List<String> after = text(random);
            Patch<String> ours = diff(before, after);
            assertThat(ours.applyTo(before)).isEqualTo(after);
            assertThat(edits(ours)).isEqualTo(edits(DiffUtils.diff(before, after, new MyersDiff<>())));
        }
    }

    private static Patch<String> diff(List<String> before, List<String> after) {
        return DiffUtils.diff(before, after, new DiscardingDiff<>(new MyersDiff<>()));
    }

    private static List<String> text(Random random) {
        List<String> lines = new ArrayList<>();
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
            lines.add(random.nextInt(4) == 0 ? "unique " + random.nextInt(1000) : "line " + random.nextInt(5));
        }
        return lines;
    }

    private static int edits(Patch<String> patch) {
        return patch.getDeltas().stream().mapToInt(d -> d.getSource().size() + d.getTarget().size()).sum();
    }
}
