package io.driftproof.collector.findings;

public enum FindingStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
