package io.driftproof.collector.observed;

public enum ChangeAction {
    ADDED, REMOVED, MODIFIED
}
