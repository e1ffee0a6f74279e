package io.driftproof.loadgen;

import java.util.concurrent.atomic.AtomicLong;

/** Progress of a phase on stderr, at most every few seconds. */
public final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long lastPrinted = startNanos;

    private Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    public static Progress of(String what, long total) {
        note(what + ": " + total + " to do");
        return new Progress(what, total);
    }

    public static void note(String message) {
        System.err.println("loadgen: " + message);
    }

    public void done() {
        long n = done.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastPrinted > EVERY_NANOS) {
            lastPrinted = now;
            note(String.format("%s: %d/%d after %.0f s", what, n, total, (now - startNanos) / 1e9));
        }
    }
}
