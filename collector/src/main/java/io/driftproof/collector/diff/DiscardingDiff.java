package io.driftproof.collector.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmI;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.patch.DeltaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GNU diff's first step in front of another diff algorithm: a line that occurs in only one of
 * the two texts cannot be part of any common subsequence, so it is deleted or inserted for
 * certain; the inner algorithm then runs on the remaining lines only. Myers' search costs
 * O((N+M)·D), and the changed lines of a config file are mostly unique, so D (and the cost) drops
 * from the number of changed lines to nearly nothing. The result is still a shortest edit script:
 * the longest common subsequence of the reduced texts is one of the whole texts.
 */
final class DiscardingDiff<T> implements DiffAlgorithmI<T> {

    private final DiffAlgorithmI<T> inner;

    DiscardingDiff(DiffAlgorithmI<T> inner) {
        this.inner = inner;
    }

    @Override
    public List<Change> computeDiff(List<? extends T> source, List<? extends T> target, DiffAlgorithmListener progress) {
        int[] keptSource = occurringIn(source, new HashSet<>(target));
        int[] keptTarget = occurringIn(target, new HashSet<>(source));
        List<Change> reduced = new ArrayList<>(inner.computeDiff(pick(source, keptSource), pick(target, keptTarget), progress));
        // Myers lists its changes from the end backwards.
        reduced.sort(Comparator.comparingInt((Change c) -> c.startOriginal).thenComparingInt(c -> c.startRevised));
        Gaps gaps = new Gaps();
        int s = 0;
        int t = 0;
        for (Change c : reduced) {
            for (; s < c.startOriginal; s++, t++) {
                gaps.match(keptSource[s], keptTarget[t]);
            }
            s = c.endOriginal;
            t = c.endRevised;
        }
        for (; s < keptSource.length; s++, t++) {
            gaps.match(keptSource[s], keptTarget[t]);
        }
        return gaps.finish(source.size(), target.size());
    }

    private static <T> int[] occurringIn(List<? extends T> lines, Set<?> other) {
        int[] kept = new int[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (other.contains(lines.get(i))) {
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    private static <T> List<T> pick(List<? extends T> lines, int[] indices) {
        List<T> picked = new ArrayList<>(indices.length);
        for (int i : indices) {
            picked.add(lines.get(i));
        }
        return picked;
    }

    /** Turns the matched line pairs, in order, into the changes between them. */
    private static final class Gaps {
        private final List<Change> changes = new ArrayList<>();
        private int source;
        private int target;

        void match(int s, int t) {
            gap(s, t);
            source = s + 1;
            target = t + 1;
        }

        List<Change> finish(int sourceSize, int targetSize) {
            gap(sourceSize, targetSize);
            return changes;
        }

        private void gap(int s, int t) {
            if (s > source || t > target) {
                DeltaType type = s == source ? DeltaType.INSERT : t == target ? DeltaType.DELETE : DeltaType.CHANGE;
                changes.add(new Change(type, source, s, target, t));
            }
        }
    }
}
