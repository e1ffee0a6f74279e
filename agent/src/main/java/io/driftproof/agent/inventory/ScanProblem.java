package io.driftproof.agent.inventory;

/** Something a collector could not read; the scan goes on without it. */
public record ScanProblem(String collector, String path, String message) {
}
