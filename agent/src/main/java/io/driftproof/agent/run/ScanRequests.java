package io.driftproof.agent.run;

import java.time.Duration;

/**
 * When the next scan runs in {@code run} mode: soon after files change (once they have been quiet
 * for the debounce time, or at the latest after the maximum delay while they keep changing), at
 * once when asked (full snapshot wanted, spool space freed), and otherwise every full-scan
 * interval. The scanner thread sleeps in {@link #awaitScan} in between: no polling.
 */
final class ScanRequests {

    private final long debounceNanos;
    private final long maxDelayNanos;
    private final long intervalNanos;
    private boolean dirty;
    private long firstChange;
    private long lastChange;
    private boolean immediate = true;
    private long nextPeriodic;
    private boolean stopped;

    ScanRequests(Duration debounce, Duration maxDelay, Duration interval) {
        this.debounceNanos = debounce.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.intervalNanos = interval.toNanos();
    }

    synchronized void fileChanged() {
        long now = System.nanoTime();
        if (!dirty) {
            dirty = true;
            firstChange = now;
        }
        lastChange = now;
        notifyAll();
    }

    synchronized void scanNow() {
        immediate = true;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Blocks until a scan is due; false once stopped. The first call returns at once. */
    synchronized boolean awaitScan() throws InterruptedException {
        while (!stopped) {
            long now = System.nanoTime();
            long due = immediate ? now : nextPeriodic;
            if (dirty) {
                due = Math.min(due, Math.min(lastChange + debounceNanos, firstChange + maxDelayNanos));
            }
            if (due - now <= 0) {
                immediate = false;
                dirty = false;
                nextPeriodic = now + intervalNanos;
                return true;
            }
            long wait = due - now;
            wait(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return false;
    }
}
