package io.driftproof.collector.findings;

/** POST /findings/{id}/acknowledge: why the finding is accepted, and optionally until when (ISO-8601). */
public record Acknowledgement(String reason, String until) {
}
