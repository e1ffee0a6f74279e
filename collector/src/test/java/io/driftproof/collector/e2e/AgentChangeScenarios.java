package io.driftproof.collector.e2e;

import io.driftproof.collector.reconcile.ReconcileTriggers;
import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.AlertInbox;
import io.driftproof.collector.testing.AlertReceiver;
import io.driftproof.collector.testing.ChangeWorkflow;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.TestClock;
import io.driftproof.collector.verification.WindowEndVerification;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.driftproof.collector.testing.ChangeWorkflow.record;
import static io.driftproof.collector.testing.ChangeWorkflow.standard;
import static io.driftproof.collector.testing.ChangeWorkflow.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The reconciliation and verification rules with the real agent jar scanning a fake host tree.
 *
 * <p>Clocks: the agent stamps its scans with the real clock and the collector measures the agent's
 * skew against its own clock, so the collector's (test) clock is exactly real time whenever the
 * agent runs; otherwise the skew correction would move every observed change by the test's offset.
 * The workflow is placed around real now instead: records are created and approved with the clock
 * set back a day ("approved yesterday", more than the lead time before a window that opened an
 * hour ago), and the clock moves forward only after the agent's last scan, to end the window.
 */
@WithTestResource(value = AlertReceiver.class, scope = TestResourceScope.GLOBAL)
public abstract class AgentChangeScenarios extends CollectorTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final String OPENSSL = "openssl:amd64";
    private static final String CURL = "curl:amd64";

    @TempDir
    Path work;
    @Inject
    TestClock clock;
    @Inject
    WindowEndVerification windowEnd;
    @Inject
    AlertInbox alerts;
    @Inject
    ReconcileTriggers reconcileTriggers;

    private FakeHost host;
    private Path state;
    private AgentJar agent;
    private ChangeWorkflow workflow;

    @BeforeEach
    void baseline() throws IOException {
        clock.reset();
        workflow = ChangeWorkflow.create();
        host = new FakeHost(Files.createDirectories(work.resolve("host")))
                .dpkg("openssl", "3.0.13-1~deb12u1")
                .dpkg("curl", "7.88.1-10+deb12u5")
                .write("/etc/ssh/sshd_config", "PermitRootLogin no\n");
        state = work.resolve("state");
        agent = AgentJar.plaintext(port());
        agent.send(host, state);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void approvedThenImplementedInTheWindowIsAuthorizedThenVerified() {
        long id = approvedYesterday(upgrade(OPENSSL, "3.0.15-1~deb12u1"));
        host.dpkg("openssl", "3.0.15-1~deb12u1");
        agent.send(host, state);

        JsonPath change = workflow.observed(host.hostId(), OPENSSL);
        assertThat(change.getString("status")).isEqualTo("AUTHORIZED");
        assertThat(change.getLong("changeRecordId")).isEqualTo(id);
        assertThat(Math.abs(getJson("/api/v1/hosts/{id}", host.hostId()).getLong("clockSkew.skewMs")))
                .as("skew measured against real time").isLessThan(Duration.ofMinutes(1).toMillis());

        workflow.implementer().post("/api/v1/changes/{id}/implemented", Map.of("note", "apt-get install openssl"), id)
                .statusCode(200);
        clock.advance(HOUR.multipliedBy(2));
        windowEnd.verifyEnded();
        JsonPath record = workflow.record(id);
        assertThat(record.getString("state")).isEqualTo("VERIFIED");
        assertThat(record.getList("verification.outcome")).containsExactly("VERIFIED");
        assertThat(record.getList("verification[0].observedChangeIds", Long.class)).containsExactly(change.getLong("id"));
        assertThat(workflow.findings(host.hostId(), null).getList("items")).isEmpty();
        assertThat(workflow.recordFindings(id, "LEAD_TIME_VIOLATION").getList("items")).isEmpty();
    }

    @Test
    void implementedWithoutRecordIsAnUnapprovedChangeDeliveredToTheWebhook() {
        alerts.failWebhook(0);
        host.dpkg("netcat-openbsd", "1.219-1");
        agent.send(host, state);

        JsonPath change = workflow.observed(host.hostId(), "netcat-openbsd:amd64");
        assertThat(change.getString("status")).isEqualTo("UNAUTHORIZED");
        JsonPath finding = workflow.findings(host.hostId(), "UNAPPROVED_CHANGE");
        assertThat(finding.getList("items")).hasSize(1);
        alerts.drain();
        assertThat(alerts.delivery(finding.getLong("items[0].id"), "hook").getString("deliveredAt")).isNotNull();
        JsonPath webhook = alerts.received("/webhook", host.hostId());
        assertThat(webhook.getString("type")).isEqualTo("UNAPPROVED_CHANGE");
        assertThat(webhook.getString("key")).isEqualTo("netcat-openbsd:amd64");
        assertThat(webhook.getString("afterSummary")).isEqualTo("version 1.219-1");
        assertThat(webhook.getLong("observedChangeId")).isEqualTo(change.getLong("id"));
    }

    @Test
    void implementedToAnotherVersionThanApprovedIsDifferent() {
        long id = approvedYesterday(upgrade(OPENSSL, "3.0.15-1~deb12u1"));
        host.dpkg("openssl", "3.0.14-1~deb12u1");
        agent.send(host, state);

        assertThat(workflow.observed(host.hostId(), OPENSSL).getString("status")).isEqualTo("AUTHORIZED");
        workflow.implementer().post("/api/v1/changes/{id}/implemented", Map.of(), id).statusCode(200);
        workflow.implementer().post("/api/v1/changes/{id}/verify", Map.of(), id).statusCode(200)
                .body("state", equalTo("VERIFICATION_FAILED"))
                .body("verification[0].outcome", equalTo("DIFFERENT"));
        assertThat(workflow.record(id).getString("verification[0].detail")).contains("3.0.14-1~deb12u1", "3.0.15-1~deb12u1");
        assertThat(workflow.findings(host.hostId(), "DIFFERENT_IMPLEMENTATION").getList("items")).hasSize(1);
    }

    @Test
    void approvedButNeverImplementedIsMissingWhenTheWindowEnds() {
        long id = approvedYesterday(upgrade("curl:amd64", "7.88.1-10+deb12u8"));
        agent.send(host, state);

        clock.advance(HOUR.multipliedBy(2));
        windowEnd.verifyEnded();
        JsonPath record = workflow.record(id);
        assertThat(record.getString("state")).isEqualTo("VERIFICATION_FAILED");
        assertThat(record.getList("verification.outcome")).containsExactly("MISSING");
        assertThat(record.getList("verification.hostId")).containsExactly(host.hostId());
        assertThat(workflow.findings(host.hostId(), "MISSING_IMPLEMENTATION").getList("items")).hasSize(1);
    }

    @Test
    void implementedThenApprovedIsAnApprovedAfterImplementationFinding() {
        host.dpkg("openssl", "3.0.15-1~deb12u1");
        agent.send(host, state);
        assertThat(workflow.observed(host.hostId(), OPENSSL).getString("status")).isEqualTo("UNAUTHORIZED");

        Instant now = clock.now();
        clock.advance(Duration.ofMinutes(10));
        long id = workflow.approved(standard(now.minus(HOUR), now.plus(HOUR), host.hostId(), upgrade(OPENSSL, "3.0.15-1~deb12u1")));

        JsonPath change = workflow.observed(host.hostId(), OPENSSL);
        assertThat(change.getString("status")).isEqualTo("APPROVED_AFTER_IMPLEMENTATION");
        assertThat(change.getLong("changeRecordId")).isEqualTo(id);
        assertThat(workflow.findings(host.hostId(), "APPROVED_AFTER_IMPLEMENTATION").getList("items")).hasSize(1);
        assertThat(workflow.findings(host.hostId(), "UNAPPROVED_CHANGE").getString("items[0].status")).isEqualTo("RESOLVED");
    }

    @Test
    void anEmergencyApprovedTwoHoursAfterIsWithinTheDeadlineThirtyHoursAfterIsOverdue() {
        host.dpkg("openssl", "3.0.15-1~deb12u1").dpkg("curl", "7.88.1-10+deb12u8");
        agent.send(host, state);
        Instant now = clock.now();
        long onTime = workflow.submitted(record("EMERGENCY", now.minus(HOUR), now.plus(HOUR), host.hostId(), upgrade(OPENSSL, null)));
        long overdue = workflow.submitted(record("EMERGENCY", now.minus(HOUR), now.plus(HOUR), host.hostId(), upgrade(CURL, null)));
        assertThat(workflow.observed(host.hostId(), OPENSSL).getString("status")).isEqualTo("AWAITING_EMERGENCY_APPROVAL");

        clock.advance(HOUR.multipliedBy(2));
        workflow.approver().post("/api/v1/changes/{id}/approve", Map.of(), onTime).statusCode(200);
        assertThat(workflow.observed(host.hostId(), OPENSSL).getString("status")).isEqualTo("EMERGENCY_WITHIN_DEADLINE");

        clock.advance(HOUR.multipliedBy(28));
        reconcileTriggers.sweep();
        assertThat(workflow.observed(host.hostId(), CURL).getString("status")).isEqualTo("UNAUTHORIZED");
        workflow.approver().post("/api/v1/changes/{id}/approve", Map.of(), overdue).statusCode(200);
        assertThat(workflow.observed(host.hostId(), CURL).getString("status")).isEqualTo("APPROVED_AFTER_IMPLEMENTATION");
        assertThat(workflow.recordFindings(overdue, "EMERGENCY_APPROVAL_OVERDUE").getString("items[0].status")).isEqualTo("OPEN");
        assertThat(workflow.recordFindings(onTime, "EMERGENCY_APPROVAL_OVERDUE").getList("items")).isEmpty();
    }

    @Test
    void aChangeOutsideTheApprovedWindowIsAFinding() {
        Instant now = clock.now();
        long id = approvedYesterday(now.plus(HOUR.multipliedBy(25)), now.plus(HOUR.multipliedBy(27)),
                upgrade(OPENSSL, "3.0.15-1~deb12u1"));
        host.dpkg("openssl", "3.0.15-1~deb12u1");
        agent.send(host, state);

        JsonPath change = workflow.observed(host.hostId(), OPENSSL);
        assertThat(change.getString("status")).isEqualTo("OUTSIDE_WINDOW");
        assertThat(change.getLong("changeRecordId")).isEqualTo(id);
        assertThat(workflow.findings(host.hostId(), "OUTSIDE_WINDOW").getList("items")).hasSize(1);
    }

    @Test
    void anIgnoreRuleMakesMatchingChangesIgnored() {
        Instant now = clock.now();
        long rule = approvedYesterdayRecord(record("IGNORE_RULE", now.minus(HOUR), now.plus(Duration.ofDays(365)), host.hostId(),
                Map.of("kind", "CONFIG_FILE", "key", "/etc/app/cache/**", "action", "ANY")));
        host.write("/etc/app/cache/state.db", "v2\n");
        agent.send(host, state);

        JsonPath change = workflow.observed(host.hostId(), "/etc/app/cache/state.db");
        assertThat(change.getString("status")).isEqualTo("IGNORED");
        assertThat(change.getLong("changeRecordId")).isEqualTo(rule);
        assertThat(workflow.findings(host.hostId(), null).getList("items")).isEmpty();
    }

    @Test
    void aMonthlyPatchCycleHasItsSummaryRecordVerifiedWithEveryPackageChanged() {
        String tag = "servers-" + host.hostId().substring(0, 6);
        Actor.ADMIN.request().body(Map.of("tags", List.of(tag))).put("/api/v1/hosts/{id}", host.hostId()).then().statusCode(200);
        Instant now = clock.now();
        Map<String, Object> body = record("RECURRING", now.minus(HOUR), now.plus(HOUR.multipliedBy(3)), "tag:" + tag,
                Map.of("kind", "PACKAGE", "key", "*", "action", "UPGRADE"));
        body.put("recurrence", "P1M");
        long standing = approvedYesterdayRecord(body);
        host.dpkg("openssl", "3.0.15-1~deb12u1").dpkg("curl", "7.88.1-10+deb12u8");
        agent.send(host, state);

        JsonPath cycles = workflow.approver().get("/api/v1/changes?parentId={id}", standing).statusCode(200).extract().jsonPath();
        assertThat(cycles.getList("items")).hasSize(1);
        long summary = cycles.getLong("items[0].id");
        assertThat(workflow.observed(host.hostId(), OPENSSL).getString("status")).isEqualTo("AUTHORIZED");
        assertThat(workflow.observed(host.hostId(), CURL).getLong("changeRecordId")).isEqualTo(summary);

        clock.advance(HOUR.multipliedBy(4));
        windowEnd.verifyEnded();
        JsonPath record = workflow.record(summary);
        assertThat(record.getString("state")).isEqualTo("VERIFIED");
        assertThat(record.getList("verification.key")).containsExactlyInAnyOrder(OPENSSL, CURL);
    }

    /** A STANDARD record for the host, window from an hour ago to an hour from now, requested and
     * approved 26 hours ago; the clock is back at real time afterwards. */
    private long approvedYesterday(Map<String, Object> expectation) {
        Instant now = clock.now();
        return approvedYesterday(now.minus(HOUR), now.plus(HOUR), expectation);
    }

    private long approvedYesterday(Instant windowStart, Instant windowEnd, Map<String, Object> expectation) {
        return approvedYesterdayRecord(standard(windowStart, windowEnd, host.hostId(), expectation));
    }

    /** Requests and approves the record 26 hours ago; the clock is back at real time afterwards. */
    private long approvedYesterdayRecord(Map<String, Object> body) {
        clock.advance(HOUR.multipliedBy(-26));
        long id = workflow.approved(body);
        clock.reset();
        return id;
    }
}
