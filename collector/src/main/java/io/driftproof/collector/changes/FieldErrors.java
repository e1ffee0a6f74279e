package io.driftproof.collector.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects what is wrong with a request body, field by field, and answers it as one 400 whose
 * title names the first field and whose detail names them all. */
final class FieldErrors {

    private record Error(String field, String message) {
    }

    private final List<Error> errors = new ArrayList<>();

    FieldErrors add(String field, String message) {
        errors.add(new Error(field, message));
        return this;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw problem();
        }
    }

    FieldProblem problem() {
        return new FieldProblem(errors.get(0).field(),
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    }

    static FieldProblem single(String field, String message) {
        return new FieldErrors().add(field, message).problem();
    }
}
