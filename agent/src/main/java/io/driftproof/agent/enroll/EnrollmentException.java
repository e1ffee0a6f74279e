package io.driftproof.agent.enroll;

/** Enrollment did not succeed; the message is one line for the operator. Nothing was stored. */
public final class EnrollmentException extends Exception {
    EnrollmentException(String message) {
        super(message);
    }
}
