package io.driftproof.collector.changes;

import java.util.Locale;
import java.util.Optional;

/** What a user can do to a record; each is one REST verb, POST /changes/{id}/{name}. */
public enum Transition {
    SUBMIT, APPROVE, REJECT, IMPLEMENTED, VERIFY, SIGNOFF, CLOSE, CANCEL, REVISE;

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Transition> fromPath(String name) {
        for (Transition t : values()) {
            if (t.pathName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
