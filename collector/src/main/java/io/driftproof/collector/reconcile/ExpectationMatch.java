package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.Expectation;
import io.driftproof.collector.observed.ChangeAction;

import java.util.Set;

/** Whether an observed change is of the kind, key and action an expectation names. The target
 * (toVersion, afterSha256) is not part of the match: a change to another target is still this
 * expectation's change, and verification reports it DIFFERENT. */
public final class ExpectationMatch {

    private ExpectationMatch() {
    }

    public static boolean matches(Expectation e, ChangeFacts c) {
        return e.kind == c.kind() && e.keyMatcher().matches(c.key()) && actionMatches(e, c)
                && attributesMatch(e, c);
    }

    /** An expectation narrowed to some attributes matches a modification that changed those only. */
    private static boolean attributesMatch(Expectation e, ChangeFacts c) {
        Set<String> only = e.onlyAttributeSet();
        return only.isEmpty() || c.action() == ChangeAction.MODIFIED && !c.changedAttributes().isEmpty()
                && only.containsAll(c.changedAttributes());
    }

    private static boolean actionMatches(Expectation e, ChangeFacts c) {
        return switch (e.action) {
            case ANY -> true;
            case INSTALL -> c.action() == ChangeAction.ADDED;
            case REMOVE -> c.action() == ChangeAction.REMOVED;
            case MODIFY -> c.action() == ChangeAction.MODIFIED;
            case UPGRADE -> c.action() == ChangeAction.MODIFIED && versionOrder(c) < 0;
            case DOWNGRADE -> c.action() == ChangeAction.MODIFIED && versionOrder(c) > 0;
        };
    }

    /** before compared with after: negative for an upgrade; 0 when either version is unknown. */
    static int versionOrder(ChangeFacts c) {
        if (c.beforeVersion() == null || c.afterVersion() == null) {
            return 0;
        }
        return VersionComparator.forManager(c.manager() == null ? "" : c.manager()).compare(c.beforeVersion(), c.afterVersion());
    }
}
