package io.driftproof.collector.verification;

/** VERIFIED: observed, and the current state is the expected target. DIFFERENT: changed, but not to
 * what was approved. MISSING: not observed. */
public enum VerificationOutcome {
    VERIFIED, DIFFERENT, MISSING
}
