package io.driftproof.collector.changes;

import io.driftproof.collector.common.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** A 400 about a request body, naming the first bad field so that callers mapping fields to their
 * own terms (an import's columns) can say where the problem is. */
class FieldProblem extends ProblemException {

    private final String field;

    FieldProblem(String field, String detail) {
        super(Status.BAD_REQUEST, "Invalid field '" + field + "'", detail);
        this.field = field;
    }

    String field() {
        return field;
    }
}
