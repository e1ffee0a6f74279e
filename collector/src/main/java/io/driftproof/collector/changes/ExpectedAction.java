package io.driftproof.collector.changes;

/** What an expectation says will happen to matching items. */
public enum ExpectedAction {
    INSTALL, REMOVE, UPGRADE, DOWNGRADE, MODIFY, ANY
}
