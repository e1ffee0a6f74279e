package io.driftproof.collector.changes;

/** The optional body of a transition: a note for the trail (the reason of a rejection, the review of an approval). */
public record TransitionRequest(String note) {

    static String noteOf(TransitionRequest body) {
        return body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
    }
}
