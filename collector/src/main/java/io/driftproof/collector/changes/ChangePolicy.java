package io.driftproof.collector.changes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The organisation's change-management policy; defaults follow the usual SSP wording
 * (standard changes approved 24 h ahead, emergency changes approved within 24 h after). */
@ConfigMapping(prefix = "driftproof.policy")
public interface ChangePolicy {

    /** How long before its window opens a STANDARD record must be approved; less is a LEAD_TIME_VIOLATION. */
    @WithDefault("PT24H")
    Duration standardLeadTime();

    /** How long after implementation an EMERGENCY record may still be approved. */
    @WithDefault("PT24H")
    Duration emergencyApprovalDeadline();

    /** Tolerance before a window opens and after it closes within which a change still counts as inside. */
    @WithDefault("PT15M")
    Duration windowGrace();

    /** How far outside its window an observed change is still attributed to a matching approved record
     * (status OUTSIDE_WINDOW) instead of being reported as unapproved. */
    @WithDefault("P7D")
    Duration windowMatchMargin();

    /** The organisation has one IT person: the requester may approve and the implementer may sign off.
     * Every record approved that way says so. */
    @WithDefault("false")
    boolean onePersonShop();

    /** A host that has not reported for this long gets an AGENT_SILENT finding. */
    @WithDefault("PT3H")
    Duration agentSilentAfter();

    /** An agent clock off by more than this gets a CLOCK_SKEW finding: its timestamps are the evidence. */
    @WithDefault("PT2M")
    Duration clockSkewThreshold();
}
