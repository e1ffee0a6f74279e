package io.driftproof.collector.changes;

/** How a record's requester and approver relate, stated on the record so an assessor never has to guess. */
public enum SeparationOfDuties {
    /** Not approved (yet). */
    NOT_APPROVED,
    /** Requested and approved by different people. */
    SEPARATE,
    /** Requested and approved by the same person, allowed because the organisation is configured as a
     * one-person shop (driftproof.policy.one-person-shop). */
    ONE_PERSON_SHOP,
    /** Requested and approved by the same person without that setting: only a record imported from
     * another system can be so, and it carries a SEPARATION_OF_DUTIES finding. */
    VIOLATED;

    static SeparationOfDuties of(ChangeRecord r) {
        if (r.approvedBy == null) {
            return NOT_APPROVED;
        }
        if (!r.approvedBy.equals(r.requestedBy)) {
            return SEPARATE;
        }
        return r.selfApproved ? ONE_PERSON_SHOP : VIOLATED;
    }

    /** Who held which role, in words. */
    String statement(ChangeRecord r) {
        return switch (this) {
            case NOT_APPROVED -> "requested by " + r.requestedBy + "; not approved";
            case SEPARATE -> "requested by " + r.requestedBy + ", approved by " + r.approvedBy;
            case ONE_PERSON_SHOP -> "requested and approved by " + r.approvedBy
                    + ": the organisation is configured as a one-person shop (driftproof.policy.one-person-shop)";
            case VIOLATED -> "requested and approved by " + r.approvedBy + " although policy keeps these roles apart";
        };
    }
}
