package io.driftproof.collector.common;

import org.hibernate.exception.ConstraintViolationException;

import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost a race on a unique key against another collector replica
 * (two replicas registering the same new host, or storing the same content at once). The second
 * attempt sees the row the winner committed.
 */
public final class ConflictRetry {

    private static final int ATTEMPTS = 3;

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isUniqueConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isUniqueConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c) {
                return c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
            }
        }
        return false;
    }
}
