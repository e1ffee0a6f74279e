package io.driftproof.collector.changes;

import io.driftproof.collector.inventory.ItemKind;

import java.time.Instant;
import java.util.List;

/** A change record as the REST API shows it, with its trail and its latest verification. */
public record ChangeView(long id, int revision, ChangeType type, ChangeState state, String title, String description,
                         String justification, String securityImpact, String rollbackPlan, boolean cuiInvolved,
                         Instant windowStart, Instant windowEnd, String recurrence, Instant recurrenceUntil,
                         Long parentId, Integer cycle, List<String> hosts, List<ExpectationView> expectations,
                         String requestedBy, Instant createdAt, Instant submittedAt, Instant approvedAt,
                         String approvedBy, boolean selfApproved, SeparationOfDuties separationOfDuties,
                         String roles, Instant implementedAt,
                         String implementedBy, Instant verifiedAt, Instant signedOffAt, String signedOffBy,
                         Instant closedAt, String externalSource, String externalId, List<String> allowedTransitions,
                         List<HistoryView> history, List<VerificationView> verification,
                         List<AttachmentView> attachments) {

    public record ExpectationView(ItemKind kind, String key, ExpectedAction action, String toVersion,
                                  String afterSha256, List<String> onlyAttributes) {
    }

    /** {@code imported} is set on an entry relayed from another system, whose at and by are that system's. */
    public record HistoryView(String action, ChangeState state, int revision, Instant at, String by, String note,
                              Provenance imported) {
    }

    public record VerificationView(int run, Instant verifiedAt, String hostId, Integer expectation, ItemKind kind,
                                   String key, String outcome, String detail, List<Long> observedChangeIds) {
    }

    public record AttachmentView(long id, ChangeAttachment.Purpose purpose, String name, String mediaType, String sha256,
                                 long size, Instant addedAt, String addedBy) {
    }
}
