package io.driftproof.collector.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.findings.FindingType;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.observed.ChangeAction;

import java.time.Instant;

/** What every alert says, whatever the channel: the finding, the host, the item with its state
 * before and after, and links to the finding and the diff. This is also the generic webhook body. */
public record AlertMessage(long findingId, FindingType type, String summary, Instant openedAt, String hostId,
                           String hostname, Long changeRecordId, Long observedChangeId, ItemKind kind, String key,
                           ChangeAction action, String beforeSummary, String afterSummary, JsonNode before,
                           JsonNode after, Instant observedAt, String findingUrl, String diffUrl) {

    /** An item state in a few words: its version, or its content hash and attributes; "absent" for none. */
    public static String describe(ItemState state) {
        if (state instanceof ItemState.Package p) {
            return "version " + p.version();
        }
        if (state instanceof ItemState.Firmware f) {
            return "version " + f.version();
        }
        if (state instanceof ItemState.ConfigFile f) {
            return (f.sha256() == null ? "" : "sha256 " + f.sha256() + ", ") + "mode " + f.mode() + ", " + f.owner() + ":"
                    + f.group() + (f.symlinkTarget() == null ? "" : ", -> " + f.symlinkTarget());
        }
        return "absent";
    }

    /** One line for chat and subjects. */
    public String headline() {
        String item = key == null ? "" : " " + kind + " " + key + " " + action;
        return "driftproof " + type + (hostId == null ? "" : " on " + (hostname != null ? hostname : hostId)) + item;
    }
}
