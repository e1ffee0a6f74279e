package io.driftproof.collector.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.observed.ChangeAction;

import java.util.List;

/**
 * What an observed change changed: the attributes that differ and, for captured config files,
 * a content diff in unified and structured form. When no content diff can be given,
 * {@code diffAvailable} is false and {@code reason} says why.
 */
public record ChangeDiff(long changeId, ItemKind kind, String key, ChangeAction action,
                         List<AttributeChange> attributes, boolean diffAvailable, String reason,
                         String unified, List<Hunk> hunks) {

    public record AttributeChange(String name, String before, String after) {
    }

    /** Line numbers are 1-based; a hunk with no lines on one side has start 0 there. */
    public record Hunk(int oldStart, int oldLines, int newStart, int newLines, List<Line> lines) {
    }

    /** {@code oldNumber} is absent for added lines, {@code newNumber} for removed ones. */
    public record Line(LineType type, Integer oldNumber, Integer newNumber, String text) {
    }

    public enum LineType {
        @JsonProperty("context") CONTEXT,
        @JsonProperty("added") ADDED,
        @JsonProperty("removed") REMOVED
    }
}
