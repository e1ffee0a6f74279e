package io.driftproof.loadgen.fleet;

/** A stateless 64-bit mixer (SplitMix64's finaliser): the same inputs give the same value on every
 * run, which is what makes a simulated fleet reproducible without storing it. */
final class Mix {

    private Mix() {
    }

    static long of(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, bound). */
    static int below(long a, long b, int bound) {
        return (int) Math.floorMod(of(a, b), (long) bound);
    }
}
