package io.driftproof.collector.common;

/** limit/offset of a list request, already validated. */
public record PageRequest(int offset, int limit) {
}
