package io.driftproof.collector.findings;

/** What a rule raises: the finding's type, what it is about (part of the dedup key) and its evidence. */
public record FindingDraft(FindingType type, String subject, String hostId, Long changeRecordId, Long observedChangeId,
                           String summary, String evidence) {

    public String dedupKey() {
        return type + ":" + subject;
    }

    public static FindingDraft forObservedChange(FindingType type, long observedChangeId, String hostId, Long recordId,
                                                 String summary) {
        return new FindingDraft(type, "observed-change:" + observedChangeId, hostId, recordId, observedChangeId, summary,
                "/api/v1/observed-changes/" + observedChangeId + "/diff");
    }

    public static FindingDraft forRecord(FindingType type, long recordId, String summary) {
        return new FindingDraft(type, "change:" + recordId, null, recordId, null, summary, "/api/v1/changes/" + recordId);
    }

    public static FindingDraft forHost(FindingType type, String hostId, String summary) {
        return new FindingDraft(type, "host:" + hostId, hostId, null, null, summary, "/api/v1/hosts/" + hostId);
    }
}
