package io.driftproof.agent.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition with a generous timeout; no test asserts how fast anything is. */
public final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, () -> "");
    }

    /** @param state described in the failure message */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + " " + state.get());
            }
            Thread.sleep(50);
        }
    }
}
