package io.driftproof.collector.verification;

import io.driftproof.collector.changes.Expectation;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.reconcile.ChangeFacts;
import io.driftproof.collector.reconcile.ChangeFactsReader;
import io.driftproof.collector.reconcile.ExpectationMatch;

import java.util.List;

/** Judges one expected item: its observed changes in the window and its current state against
 * the expectation's action and target. Pure. */
final class TargetCheck {

    record Verdict(VerificationOutcome outcome, String detail) {
    }

    private TargetCheck() {
    }

    /** @param current the item's state now; null when the host no longer has it */
    static Verdict judge(Expectation e, List<ChangeFacts> changes, ItemState current) {
        if (changes.isEmpty()) {
            return new Verdict(VerificationOutcome.MISSING, "no change of this item was observed in the window");
        }
        boolean actionSeen = changes.stream().anyMatch(c -> ExpectationMatch.matches(e, c));
        if (!actionSeen) {
            return different("changed (" + changes.get(changes.size() - 1).action() + "), but not as " + e.action);
        }
        if (e.action == io.driftproof.collector.changes.ExpectedAction.REMOVE) {
            return current == null ? verified("removed") : different("removed, but present again now");
        }
        if (current == null) {
            return different("changed as expected, but absent now");
        }
        String version = ChangeFactsReader.version(current);
        if (e.toVersion != null && !e.toVersion.equals(version)) {
            return different("version is " + version + ", approved " + e.toVersion);
        }
        String sha = current instanceof ItemState.ConfigFile f ? f.sha256() : null;
        if (e.afterSha256 != null && !e.afterSha256.equals(sha)) {
            return different("content sha256 is " + sha + ", approved " + e.afterSha256);
        }
        return verified(version != null ? "version " + version : sha != null ? "content sha256 " + sha : e.action + " observed");
    }

    private static Verdict verified(String detail) {
        return new Verdict(VerificationOutcome.VERIFIED, detail);
    }

    private static Verdict different(String detail) {
        return new Verdict(VerificationOutcome.DIFFERENT, detail);
    }
}
