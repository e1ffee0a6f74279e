package io.driftproof.loadgen.fleet;

import java.time.Instant;

/**
 * How far one item of a host moved from where the host started, and when it last moved.
 *
 * @param number for a package, the updates ahead of the image's version; for a file, its version number
 */
record Revision(int number, Instant at) {
}
