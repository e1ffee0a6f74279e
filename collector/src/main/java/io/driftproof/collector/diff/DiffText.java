package io.driftproof.collector.diff;

/** The text/plain form: '#' lines for the change and its attributes, then the unified diff. */
final class DiffText {

    private DiffText() {
    }

    static String render(ChangeDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(diff.action()).append(' ').append(diff.kind()).append(' ').append(diff.key())
                .append(" (observed change ").append(diff.changeId()).append(")\n");
        for (ChangeDiff.AttributeChange a : diff.attributes()) {
            out.append("# ").append(a.name()).append(": ").append(a.before() == null ? "(none)" : a.before())
                    .append(" -> ").append(a.after() == null ? "(none)" : a.after()).append('\n');
        }
        if (diff.diffAvailable()) {
            out.append(diff.unified());
        } else {
            out.append("# no content diff: ").append(diff.reason()).append('\n');
        }
        return out.toString();
    }
}
