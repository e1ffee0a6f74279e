package io.driftproof.collector.reconcile;

import io.driftproof.collector.changes.ChangeType;
import io.driftproof.collector.changes.Expectation;
import io.driftproof.collector.changes.ExpectedAction;
import io.driftproof.collector.findings.FindingType;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.observed.ChangeAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation rules as a table: one record, window 10:00–12:00 on 2 November, grace 15 min,
 * match margin 7 days, emergency deadline 24 h; the change happened in (notBefore, observedAt]. */
class ReconcilerTest {

    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-02T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-02T13:00:00Z");
    private static final Reconciler RECONCILER = new Reconciler(new ReconciliationRules(Duration.ofMinutes(15),
            Duration.ofDays(7), Duration.ofHours(24)));
    private static final List<Expectation> OPENSSL = List.of(new Expectation(ItemKind.PACKAGE, "openssl:*",
            ExpectedAction.UPGRADE, "3.0.2", null));

    @ParameterizedTest(name = "{0} approved {1}, change in ({2}, {3}] evidence {4} -> {5} {6}")
    @CsvSource({
            // approved before, inside the window
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , AUTHORIZED, ",
            // the grace widens the window on both sides, boundaries included
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-02T09:30:00Z, 2026-11-02T09:45:00Z, , AUTHORIZED, ",
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-02T09:30:00Z, 2026-11-02T09:44:59Z, , OUTSIDE_WINDOW, OUTSIDE_WINDOW",
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-02T12:00:00Z, 2026-11-02T12:15:00Z, , AUTHORIZED, ",
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-02T12:00:00Z, 2026-11-02T12:15:01Z, , OUTSIDE_WINDOW, OUTSIDE_WINDOW",
            // the host's evidence time is the change's time when it lies in the interval
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-02T11:00:00Z, 2026-11-02T13:00:00Z, 2026-11-02T11:30:00Z, AUTHORIZED, ",
            // farther than the match margin from the window: not this record's change at all
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-09T12:00:00Z, 2026-11-09T12:15:01Z, , UNAUTHORIZED, UNAPPROVED_CHANGE",
            "STANDARD,  2026-11-02T09:00:00Z, 2026-11-09T12:00:00Z, 2026-11-09T12:15:00Z, , OUTSIDE_WINDOW, OUTSIDE_WINDOW",
            // approved at or after the scan that saw the change
            "STANDARD,  2026-11-02T10:40:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , APPROVED_AFTER_IMPLEMENTATION, APPROVED_AFTER_IMPLEMENTATION",
            // approved inside the scan interval: without evidence undetermined, with evidence decided by it
            "STANDARD,  2026-11-02T10:35:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , UNDETERMINED, APPROVAL_ORDER_UNDETERMINED",
            "STANDARD,  2026-11-02T10:35:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, 2026-11-02T10:38:00Z, AUTHORIZED, ",
            "STANDARD,  2026-11-02T10:35:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, 2026-11-02T10:32:00Z, APPROVED_AFTER_IMPLEMENTATION, APPROVED_AFTER_IMPLEMENTATION",
            // an emergency approved after: the deadline counts from the earliest the change can have happened
            "EMERGENCY, 2026-11-03T10:30:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , EMERGENCY_WITHIN_DEADLINE, ",
            "EMERGENCY, 2026-11-03T10:30:01Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , APPROVED_AFTER_IMPLEMENTATION, EMERGENCY_APPROVAL_OVERDUE",
            "EMERGENCY, 2026-11-03T10:34:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, 2026-11-02T10:35:00Z, EMERGENCY_WITHIN_DEADLINE, ",
            // approved inside the interval: before or after, both are compliant within the deadline
            "EMERGENCY, 2026-11-02T10:35:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , EMERGENCY_WITHIN_DEADLINE, ",
            "EMERGENCY, 2026-11-02T09:00:00Z, 2026-11-02T10:30:00Z, 2026-11-02T10:40:00Z, , AUTHORIZED, "
    })
    void approvedRecord(ChangeType type, Instant approvedAt, Instant notBefore, Instant observedAt, Instant evidence,
                        ReconciliationStatus status, FindingType finding) {
        Decision d = RECONCILER.decide(change(notBefore, observedAt, evidence), List.of(terms(1, type, approvedAt, false, null)), NOW);
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.finding()).isEqualTo(Optional.ofNullable(finding));
        assertThat(d.recordId()).isEqualTo(status == ReconciliationStatus.UNAUTHORIZED ? null : 1L);
    }

    @ParameterizedTest(name = "emergency awaiting approval at {0} -> {1} {2}")
    @CsvSource({
            // the deadline is 24 h after notBefore (10:30); at the deadline it has not passed yet
            "2026-11-02T13:00:00Z, AWAITING_EMERGENCY_APPROVAL, ",
            "2026-11-03T10:30:00Z, AWAITING_EMERGENCY_APPROVAL, ",
            "2026-11-03T10:30:01Z, UNAUTHORIZED, EMERGENCY_APPROVAL_OVERDUE"
    })
    void emergencyAwaitingApproval(Instant now, ReconciliationStatus status, FindingType finding) {
        Decision d = RECONCILER.decide(change(Instant.parse("2026-11-02T10:30:00Z"), Instant.parse("2026-11-02T10:40:00Z"),
                null), List.of(terms(1, ChangeType.EMERGENCY, null, true, null)), now);
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.finding()).isEqualTo(Optional.ofNullable(finding));
        assertThat(d.recordId()).isEqualTo(1L);
    }

    @Test
    void aRecordNotApprovedNorAwaitingApprovalExplainsNothing() {
        Decision d = RECONCILER.decide(inWindow(), List.of(terms(1, ChangeType.STANDARD, null, false, null)), NOW);
        assertThat(d).isEqualTo(Decision.unauthorized());
    }

    @Test
    void aChangeOfAnotherItemOrActionIsNotTheRecordsChange() {
        ChangeFacts curl = new ChangeFacts(7, "h", ItemKind.PACKAGE, "curl:amd64", ChangeAction.MODIFIED, "7.88.1", "7.88.2",
                "dpkg", null, Set.of("version"), START.plusSeconds(60), START.plusSeconds(120), null);
        ChangeFacts downgrade = new ChangeFacts(8, "h", ItemKind.PACKAGE, "openssl:amd64", ChangeAction.MODIFIED, "3.0.2",
                "3.0.1", "dpkg", null, Set.of("version"), START.plusSeconds(60), START.plusSeconds(120), null);
        List<RecordTerms> records = List.of(terms(1, ChangeType.STANDARD, START.minusSeconds(3600), false, null));
        assertThat(RECONCILER.decide(curl, records, NOW).status()).isEqualTo(ReconciliationStatus.UNAUTHORIZED);
        assertThat(RECONCILER.decide(downgrade, records, NOW).status()).isEqualTo(ReconciliationStatus.UNAUTHORIZED);
    }

    @Test
    void aCancelledRecordExplainsNothingAfterItsEnd() {
        RecordTerms cancelled = terms(1, ChangeType.STANDARD, START.minusSeconds(3600), false, START.plusSeconds(60));
        assertThat(RECONCILER.decide(inWindow(), List.of(cancelled), NOW)).isEqualTo(Decision.unauthorized());
    }

    @Test
    void theMostFavourableVerdictWinsAndTiesGoToTheOldestRecord() {
        RecordTerms late = terms(1, ChangeType.STANDARD, NOW, false, null);
        RecordTerms first = terms(2, ChangeType.STANDARD, START.minusSeconds(3600), false, null);
        RecordTerms second = terms(3, ChangeType.STANDARD, START.minusSeconds(1800), false, null);
        Decision d = RECONCILER.decide(inWindow(), List.of(late, second, first), NOW);
        assertThat(d.status()).isEqualTo(ReconciliationStatus.AUTHORIZED);
        assertThat(d.recordId()).isEqualTo(2L);
    }

    @Test
    void anIgnoreRuleApprovedBeforeTheChangeWinsOverEveryRecordOneApprovedAfterIgnoresNothing() {
        RecordTerms rule = new RecordTerms(5, ChangeType.IGNORE_RULE, START.minusSeconds(3600), false, null,
                new ChangeWindow(null, START, END), Optional.empty(), OPENSSL);
        RecordTerms lateRule = new RecordTerms(6, ChangeType.IGNORE_RULE, NOW, false, null,
                new ChangeWindow(null, START, END), Optional.empty(), OPENSSL);
        RecordTerms record = terms(1, ChangeType.STANDARD, START.minusSeconds(3600), false, null);
        assertThat(RECONCILER.decide(inWindow(), List.of(record, rule), NOW).status()).isEqualTo(ReconciliationStatus.IGNORED);
        assertThat(RECONCILER.decide(inWindow(), List.of(lateRule), NOW)).isEqualTo(Decision.unauthorized());
    }

    @Test
    void aRecurringRecordJudgesTheChangeAgainstTheNearestCycle() {
        RecurrenceSchedule monthly = RecurrenceSchedule.of(START, END, "P1M", null);
        RecordTerms standing = new RecordTerms(9, ChangeType.RECURRING, START.minus(Duration.ofDays(2)), false, null,
                new ChangeWindow(null, START, END), Optional.of(monthly), OPENSSL);
        ChangeFacts december = change(Instant.parse("2026-12-02T10:30:00Z"), Instant.parse("2026-12-02T10:40:00Z"), null);
        Decision d = RECONCILER.decide(december, List.of(standing), NOW);
        assertThat(d.status()).isEqualTo(ReconciliationStatus.AUTHORIZED);
        assertThat(d.cycle()).isEqualTo(1);
    }

    @ParameterizedTest(name = "ignore owner/group only: {0} {1} -> {2}")
    @CsvSource({
            "MODIFIED, owner,           IGNORED",
            "MODIFIED, owner group,     IGNORED",
            // anything else changed with it is not noise
            "MODIFIED, owner sha256,    UNAUTHORIZED",
            "MODIFIED, mode,            UNAUTHORIZED",
            // a new or removed file is not an attribute change
            "ADDED,    owner,           UNAUTHORIZED"
    })
    void anIgnoreRuleOnAttributesIgnoresOnlyChangesConfinedToThem(ChangeAction action, String changed,
                                                                   ReconciliationStatus status) {
        RecordTerms ownerOnly = new RecordTerms(5, ChangeType.IGNORE_RULE, START.minusSeconds(3600), false, null,
                new ChangeWindow(null, START, END), Optional.empty(), List.of(new Expectation(ItemKind.CONFIG_FILE,
                "/srv/app/**", ExpectedAction.ANY, null, null, "group,owner")));
        ChangeFacts file = new ChangeFacts(7, "h", ItemKind.CONFIG_FILE, "/srv/app/conf/app.yml", action, null, null, null,
                null, Set.of(changed.split(" ")), START.plusSeconds(60), START.plusSeconds(120), null);
        assertThat(RECONCILER.decide(file, List.of(ownerOnly), NOW).status()).isEqualTo(status);
    }

    private static ChangeFacts inWindow() {
        return change(START.plusSeconds(600), START.plusSeconds(1200), null);
    }

    private static ChangeFacts change(Instant notBefore, Instant observedAt, Instant evidence) {
        return new ChangeFacts(7, "h", ItemKind.PACKAGE, "openssl:amd64", ChangeAction.MODIFIED, "3.0.1", "3.0.2", "dpkg",
                null, Set.of("version"), notBefore, observedAt, evidence);
    }

    private static RecordTerms terms(long id, ChangeType type, Instant approvedAt, boolean awaiting, Instant endsAt) {
        return new RecordTerms(id, type, approvedAt, awaiting, endsAt, new ChangeWindow(null, START, END), Optional.empty(),
                OPENSSL);
    }
}
