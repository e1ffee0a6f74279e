package io.driftproof.collector.changes;

import io.driftproof.collector.findings.HostHealthCheck;
import io.driftproof.collector.ingest.ReportSessions;
import io.driftproof.collector.observed.ObservedChange;
import io.driftproof.collector.reconcile.ReconcileTriggers;
import io.driftproof.collector.reconcile.ReconciliationService;
import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.AlertInbox;
import io.driftproof.collector.testing.AlertReceiver;
import io.driftproof.collector.testing.ChangeWorkflow;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.ScenarioHost;
import io.driftproof.collector.testing.TestAgent;
import io.driftproof.collector.testing.TestClock;
import io.driftproof.collector.verification.WindowEndVerification;
import io.driftproof.proto.v1.ClockProbe;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.driftproof.collector.testing.ChangeWorkflow.record;
import static io.driftproof.collector.testing.ChangeWorkflow.standard;
import static io.driftproof.collector.testing.ChangeWorkflow.upgrade;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * One test per reconciliation and verification rule, with real gRPC deltas from a test agent, the
 * REST API as its users call it, and the collector's clock moved forward instead of waiting.
 * Run once per database.
 */
@WithTestResource(value = AlertReceiver.class, scope = TestResourceScope.GLOBAL)
public abstract class ChangeScenarios extends CollectorTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    TestClock clock;
    @Inject
    WindowEndVerification windowEnd;
    @Inject
    ReconcileTriggers reconcileTriggers;
    @Inject
    ReconciliationService reconciliation;
    @Inject
    HostHealthCheck hostHealth;
    @Inject
    ReportSessions sessions;
    @Inject
    AlertInbox alerts;
    @Inject
    MockMailbox mailbox;

    private ChangeWorkflow workflow;
    private Actor requester;
    private Actor approver;
    private Actor implementer;
    private final List<ScenarioHost> hosts = new ArrayList<>();

    @BeforeEach
    void actors() {
        workflow = ChangeWorkflow.create();
        requester = workflow.requester();
        approver = workflow.approver();
        implementer = workflow.implementer();
    }

    @AfterEach
    void resetClock() {
        hosts.forEach(ScenarioHost::close);
        clock.reset();
    }

    @Test
    void approvedThenImplementedInTheWindowIsAuthorizedAndVerified() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        long id = workflow.approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));

        clock.advance(HOUR.multipliedBy(25).plusMinutes(30));
        host.change(host.pkg("openssl", "3.0.2"));
        JsonPath change = observed(host, "openssl:amd64");
        assertThat(change.getString("status")).isEqualTo("AUTHORIZED");
        assertThat(change.getLong("changeRecordId")).isEqualTo(id);

        implementer.post("/api/v1/changes/{id}/implemented", Map.of("note", "apt-get install openssl"), id).statusCode(200);
        implementer.post("/api/v1/changes/{id}/attachments", Map.of("purpose", "IMPLEMENTATION", "name", "apt.log",
                "text", "Setting up openssl (3.0.2)"), id).statusCode(200);
        clock.advance(HOUR.multipliedBy(2));
        windowEnd.verifyEnded();

        JsonPath record = approver.get("/api/v1/changes/{id}", id).statusCode(200).extract().jsonPath();
        assertThat(record.getString("state")).isEqualTo("VERIFIED");
        assertThat(record.getList("verification.outcome")).containsExactly("VERIFIED");
        assertThat(record.getList("verification[0].observedChangeIds", Long.class)).containsExactly(change.getLong("id"));
        assertThat(record.getList("history.state")).containsExactly("DRAFT", "SUBMITTED", "APPROVED", "IMPLEMENTED",
                "IMPLEMENTED", "VERIFIED");
        assertThat(record.getList("history.by")).containsExactly(requester.name(), requester.name(), approver.name(),
                implementer.name(), implementer.name(), "driftproof");
        assertThat(record.getString("attachments[0].sha256")).hasSize(64);
        assertThat(record.getString("separationOfDuties")).isEqualTo("SEPARATE");
        assertThat(record.getString("roles")).contains(requester.name(), approver.name());

        implementer.post("/api/v1/changes/{id}/signoff", Map.of(), id).statusCode(403);
        approver.post("/api/v1/changes/{id}/signoff", Map.of("note", "checked"), id).statusCode(200)
                .body("signedOffBy", equalTo(approver.name()));
        approver.post("/api/v1/changes/{id}/close", Map.of(), id).statusCode(200).body("state", equalTo("CLOSED"));
        assertThat(findings(host, null).getList("items")).isEmpty();
    }

    @Test
    void aChangeWithoutRecordIsAnUnapprovedChangeAlertedOnEveryChannelWithRetry() {
        ScenarioHost host = host();
        alerts.failWebhook(100000);
        clock.advance(Duration.ofMinutes(5));
        host.change(host.pkg("netcat", "1.10"));

        JsonPath change = observed(host, "netcat:amd64");
        assertThat(change.getString("status")).isEqualTo("UNAUTHORIZED");
        assertThat(change.getString("changeRecordId")).isNull();
        JsonPath finding = findings(host, "UNAPPROVED_CHANGE");
        assertThat(finding.getList("items")).hasSize(1);
        long findingId = finding.getLong("items[0].id");
        assertThat(finding.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(finding.getString("items[0].evidence")).isEqualTo("/api/v1/observed-changes/" + change.getLong("id") + "/diff");

        alerts.drain();
        JsonPath failed = alerts.delivery(findingId, "hook");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        assertThat(failed.getString("deliveredAt")).isNull();
        assertThat(failed.getString("lastError")).contains("503");

        alerts.failWebhook(0);
        clock.advance(Duration.ofSeconds(31));
        alerts.drain();
        assertThat(alerts.delivery(findingId, "hook").getInt("attempts")).isEqualTo(2);
        assertThat(alerts.delivery(findingId, "hook").getString("deliveredAt")).isNotNull();

        JsonPath webhook = alerts.received("/webhook", host.id());
        assertThat(webhook.getString("type")).isEqualTo("UNAPPROVED_CHANGE");
        assertThat(webhook.getString("key")).isEqualTo("netcat:amd64");
        assertThat(webhook.getString("beforeSummary")).isEqualTo("absent");
        assertThat(webhook.getString("afterSummary")).isEqualTo("version 1.10");
        assertThat(webhook.getString("diffUrl")).isEqualTo("https://driftproof.example.test/api/v1/observed-changes/"
                + change.getLong("id") + "/diff");
        assertThat(alerts.received("/slack", host.id()).getString("text")).contains("UNAPPROVED_CHANGE", "netcat:amd64");
        assertThat(alerts.received("/teams", host.id()).getString("@type")).isEqualTo("MessageCard");
        List<String> syslog = alerts.syslogLines();
        assertThat(syslog).anySatisfy(line -> assertThat(line).startsWith("<132>1 ")
                .contains("CEF:0|driftproof|collector|", "|UNAPPROVED_CHANGE|", "cs2=PACKAGE netcat:amd64", host.id()));
        assertThat(mailbox.getMailsSentTo("security@example.test")).anySatisfy(mail ->
                assertThat(mail.getText()).contains(host.id(), "netcat:amd64", "version 1.10"));

        approver.post("/api/v1/findings/{id}/acknowledge", Map.of("reason", "lab host, being rebuilt",
                "until", clock.now().plus(HOUR).toString()), findingId).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo(approver.name()));
        requester.post("/api/v1/findings/{id}/acknowledge", Map.of("reason", "x"), findingId).statusCode(403);
        clock.advance(HOUR.multipliedBy(2));
        hostHealth.check();
        approver.get("/api/v1/findings/{id}", findingId).statusCode(200).body("status", equalTo("OPEN"))
                .body("events.status", org.hamcrest.Matchers.contains("OPEN", "ACKNOWLEDGED", "OPEN"));
    }

    @Test
    void implementedThenApprovedIsAFindingAndReconcilingAgainChangesNothing() {
        ScenarioHost host = host();
        clock.advance(Duration.ofMinutes(5));
        host.change(host.pkg("openssl", "3.0.2"));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("UNAUTHORIZED");

        Instant now = clock.now();
        clock.advance(Duration.ofMinutes(5));
        long id = workflow.approved(standard(now.minus(HOUR), now.plus(HOUR), host.id(), upgrade("openssl:amd64", "3.0.2")));

        JsonPath change = observed(host, "openssl:amd64");
        assertThat(change.getString("status")).isEqualTo("APPROVED_AFTER_IMPLEMENTATION");
        assertThat(change.getLong("changeRecordId")).isEqualTo(id);
        assertThat(findings(host, "APPROVED_AFTER_IMPLEMENTATION").getString("items[0].status")).isEqualTo("OPEN");
        assertThat(findings(host, "UNAPPROVED_CHANGE").getString("items[0].status")).isEqualTo("RESOLVED");
        assertThat(approver.get("/api/v1/findings?type=LEAD_TIME_VIOLATION&changeRecordId={id}", id).extract()
                .jsonPath().getList("items")).hasSize(1);

        String before = findings(host, null).prettify();
        QuarkusTransaction.requiringNew().run(() ->
                reconciliation.reconcile(ObservedChange.list("hostId", host.id())));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("APPROVED_AFTER_IMPLEMENTATION");
        assertThat(findings(host, null).prettify()).isEqualTo(before);
    }

    @Test
    void anEmergencyApprovedTwoHoursAfterIsWithinTheDeadlineThirtyHoursAfterIsOverdue() {
        ScenarioHost early = host();
        ScenarioHost late = host();
        clock.advance(Duration.ofMinutes(5));
        early.change(early.pkg("openssl", "3.0.9"));
        late.change(late.pkg("openssl", "3.0.9"));
        Instant now = clock.now();
        long onTime = workflow.submitted(record("EMERGENCY", now.minus(HOUR), now.plus(HOUR), early.id(), upgrade("openssl:amd64", null)));
        long overdue = workflow.submitted(record("EMERGENCY", now.minus(HOUR), now.plus(HOUR), late.id(), upgrade("openssl:amd64", null)));
        assertThat(observed(early, "openssl:amd64").getString("status")).isEqualTo("AWAITING_EMERGENCY_APPROVAL");
        implementer.post("/api/v1/changes/{id}/implemented", Map.of("note", "CVE fix"), onTime).statusCode(200);

        clock.advance(HOUR.multipliedBy(2));
        approver.post("/api/v1/changes/{id}/approve", Map.of(), onTime).statusCode(200).body("state", equalTo("IMPLEMENTED"));
        assertThat(observed(early, "openssl:amd64").getString("status")).isEqualTo("EMERGENCY_WITHIN_DEADLINE");
        assertThat(findings(early, null).getList("items.status")).as("unapproved until the emergency record came")
                .containsOnly("RESOLVED");

        clock.advance(HOUR.multipliedBy(28));
        reconcileTriggers.sweep();
        assertThat(observed(late, "openssl:amd64").getString("status")).isEqualTo("UNAUTHORIZED");
        assertThat(findings(late, "EMERGENCY_APPROVAL_OVERDUE").getString("items[0].status")).isEqualTo("OPEN");
        approver.post("/api/v1/changes/{id}/approve", Map.of(), overdue).statusCode(200);
        assertThat(observed(late, "openssl:amd64").getString("status")).isEqualTo("APPROVED_AFTER_IMPLEMENTATION");
        assertThat(findings(late, "EMERGENCY_APPROVAL_OVERDUE").getString("items[0].status")).isEqualTo("OPEN");
    }

    @Test
    void aChangeOutsideTheApprovedWindowIsAFinding() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        long id = workflow.approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));
        clock.advance(HOUR);
        host.change(host.pkg("openssl", "3.0.2"));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("OUTSIDE_WINDOW");
        assertThat(observed(host, "openssl:amd64").getLong("changeRecordId")).isEqualTo(id);
        assertThat(findings(host, "OUTSIDE_WINDOW").getList("items")).hasSize(1);
    }

    @Test
    void anApprovedChangeNeverImplementedIsMissingAtTheEndOfItsWindow() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        long id = workflow.approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(26)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));
        clock.advance(HOUR.multipliedBy(27));
        windowEnd.verifyEnded();
        JsonPath record = approver.get("/api/v1/changes/{id}", id).extract().jsonPath();
        assertThat(record.getString("state")).isEqualTo("VERIFICATION_FAILED");
        assertThat(record.getList("verification.outcome")).containsExactly("MISSING");
        assertThat(findings(host, "MISSING_IMPLEMENTATION").getList("items")).hasSize(1);
    }

    @Test
    void aChangeToAnotherVersionThanApprovedIsDifferent() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        long id = workflow.approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));
        clock.advance(HOUR.multipliedBy(25).plusMinutes(10));
        host.change(host.pkg("openssl", "3.0.3"));
        implementer.post("/api/v1/changes/{id}/implemented", Map.of(), id).statusCode(200);
        implementer.post("/api/v1/changes/{id}/verify", Map.of(), id).statusCode(200)
                .body("state", equalTo("VERIFICATION_FAILED"))
                .body("verification[0].outcome", equalTo("DIFFERENT"))
                .body("verification[0].detail", containsString("3.0.3"));
        assertThat(findings(host, "DIFFERENT_IMPLEMENTATION").getList("items")).hasSize(1);
    }

    @Test
    void approvalWithoutEvidenceTimeInsideTheScanIntervalIsUndetermined() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        workflow.approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", null)));
        clock.advance(HOUR.multipliedBy(25).plusMinutes(10));
        host.change(Items.pkg("openssl", "3.0.2"));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("UNDETERMINED");
        assertThat(findings(host, "APPROVAL_ORDER_UNDETERMINED").getList("items")).hasSize(1);
    }

    @Test
    void theRequesterMayNotApproveTheirOwnChange() {
        ScenarioHost host = host();
        Actor both = Actor.create("both", "REQUESTER", "APPROVER");
        Instant t0 = clock.now();
        long id = both.post("/api/v1/changes", standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(26)),
                host.id(), upgrade("openssl:amd64", null))).statusCode(201).extract().jsonPath().getLong("id");
        both.post("/api/v1/changes/{id}/submit", Map.of(), id).statusCode(200);
        both.post("/api/v1/changes/{id}/approve", Map.of(), id).statusCode(403)
                .body("title", equalTo("Separation of duties")).body("detail", containsString("own change"));
    }

    @Test
    void anIgnoreRuleMakesMatchingChangesIgnoredAndIsItselfAnApprovedRecord() {
        ScenarioHost host = host();
        String tag = "ignore-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType("application/json").body(Map.of("tags", List.of(tag))).put("/api/v1/hosts/{id}", host.id())
                .then().statusCode(200);
        Instant now = clock.now();
        long rule = workflow.approved(record("IGNORE_RULE", now, now.plus(Duration.ofDays(365)), "tag:" + tag,
                Map.of("kind", "CONFIG_FILE", "key", "/var/lib/app/**", "action", "ANY")));
        clock.advance(Duration.ofMinutes(5));
        Instant mtime = host.agent().clockOffset(clock.offset()).now().minusSeconds(1);
        host.agent().putFile(Items.textFile("/var/lib/app/cache/state.db", "v2\n", mtime), "v2\n");
        host.change(null);
        JsonPath change = observed(host, "/var/lib/app/cache/state.db");
        assertThat(change.getString("status")).isEqualTo("IGNORED");
        assertThat(change.getLong("changeRecordId")).isEqualTo(rule);
        assertThat(findings(host, null).getList("items")).isEmpty();
        assertThat(approver.get("/api/v1/changes/{id}", rule).extract().jsonPath().getList("history.action"))
                .containsExactly("CREATED", "SUBMIT", "APPROVE");
    }

    @Test
    void anIgnoreRuleOnOwnershipIgnoresOwnerOnlyChangesButNotContentChanges() {
        TestAgent agent = newAgent();
        Instant mtime = agent.now().minus(Duration.ofDays(1));
        agent.putFile(Items.textFile("/srv/app/app.yml", "port: 80\n", mtime), "port: 80\n");
        ScenarioHost host = ScenarioHost.start(agent, clock);
        hosts.add(host);
        Instant now = clock.now();
        Map<String, Object> ownership = new HashMap<>(Map.of("kind", "CONFIG_FILE", "key", "/srv/app/**", "action", "MODIFY",
                "onlyAttributes", List.of("owner", "group")));
        long rule = workflow.approved(record("IGNORE_RULE", now, now.plus(Duration.ofDays(30)), host.id(), ownership));
        assertThat(workflow.record(rule).getList("expectations[0].onlyAttributes")).containsExactly("group", "owner");

        clock.advance(Duration.ofMinutes(5));
        host.change(null);
        clock.advance(Duration.ofMinutes(5));
        host.agent().putFile(Items.textFile("/srv/app/app.yml", "port: 80\n", mtime).setOwner("app").setGroup("app"),
                "port: 80\n");
        host.change(null);
        assertThat(observed(host, "/srv/app/app.yml").getString("status")).isEqualTo("IGNORED");

        clock.advance(Duration.ofMinutes(5));
        host.agent().putFile(Items.textFile("/srv/app/app.yml", "port: 8080\n", host.agent().now().minusSeconds(1))
                .setOwner("app").setGroup("app"), "port: 8080\n");
        host.change(null);
        JsonPath page = Actor.ADMIN.get("/api/v1/hosts/{id}/changes", host.id()).extract().jsonPath();
        assertThat(page.getList("items.status")).containsExactly("IGNORED", "UNAUTHORIZED");

        requester.post("/api/v1/changes", record("IGNORE_RULE", now, now.plus(HOUR), host.id(), new HashMap<>(Map.of(
                "kind", "CONFIG_FILE", "key", "/srv/**", "action", "MODIFY", "onlyAttributes", List.of("colour")))))
                .statusCode(400).body("title", equalTo("Invalid field 'expectations[0].onlyAttributes'"));
    }

    @Test
    void aMonthlyPatchCycleHasItsSummaryRecordVerifiedWithEveryPackageOnEveryHost() {
        ScenarioHost a = host();
        ScenarioHost b = host();
        String tag = "servers-" + UUID.randomUUID().toString().substring(0, 6);
        for (ScenarioHost h : List.of(a, b)) {
            given().contentType("application/json").body(Map.of("tags", List.of(tag))).put("/api/v1/hosts/{id}", h.id())
                    .then().statusCode(200);
        }
        Instant t0 = clock.now();
        Map<String, Object> body = record("RECURRING", t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(29)),
                "tag:" + tag, Map.of("kind", "PACKAGE", "key", "*", "action", "UPGRADE"));
        body.put("recurrence", "P1M");
        long standing = workflow.approved(body);
        clock.advance(HOUR.multipliedBy(26));
        a.change(a.pkg("openssl", "3.0.2"));
        b.change(b.pkg("curl", "7.88.2"));

        JsonPath cycles = approver.get("/api/v1/changes?parentId={id}", standing).extract().jsonPath();
        assertThat(cycles.getList("items")).hasSize(1);
        long summary = cycles.getLong("items[0].id");
        assertThat(cycles.getInt("items[0].cycle")).isZero();
        assertThat(observed(a, "openssl:amd64").getLong("changeRecordId")).isEqualTo(summary);
        assertThat(observed(b, "curl:amd64").getString("status")).isEqualTo("AUTHORIZED");

        clock.advance(HOUR.multipliedBy(4));
        windowEnd.verifyEnded();
        JsonPath record = approver.get("/api/v1/changes/{id}", summary).extract().jsonPath();
        assertThat(record.getString("state")).isEqualTo("VERIFIED");
        assertThat(record.getList("verification.key")).containsExactlyInAnyOrder("openssl:amd64", "curl:amd64");
        assertThat(record.getList("verification.hostId")).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(approver.get("/api/v1/changes/{id}", standing).extract().jsonPath().getString("state")).isEqualTo("APPROVED");
    }

    @Test
    void aStandardChangeApprovedLessThanTheLeadTimeBeforeItsWindowIsALeadTimeViolation() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        long late = workflow.approved(standard(t0.plus(HOUR.multipliedBy(2)), t0.plus(HOUR.multipliedBy(3)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));
        long onTime = workflow.approved(standard(t0.plus(HOUR.multipliedBy(24)).plusSeconds(60),
                t0.plus(HOUR.multipliedBy(25)), host.id(), upgrade("curl:amd64", "7.88.2")));

        JsonPath violation = workflow.recordFindings(late, "LEAD_TIME_VIOLATION");
        assertThat(violation.getList("items")).hasSize(1);
        assertThat(violation.getString("items[0].summary")).contains("PT24H", t0.plus(HOUR.multipliedBy(2)).toString());
        assertThat(violation.getString("items[0].evidence")).isEqualTo("/api/v1/changes/" + late);
        assertThat(workflow.recordFindings(onTime, "LEAD_TIME_VIOLATION").getList("items")).isEmpty();
    }

    @Test
    void aHostThatStopsReportingIsSilentUntilItReportsAgain() {
        ScenarioHost host = host();
        clock.advance(HOUR.multipliedBy(3).plusMinutes(1));
        hostHealth.check();
        JsonPath silent = findings(host, "AGENT_SILENT");
        assertThat(silent.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(silent.getString("items[0].summary")).contains(host.id(), "PT3H");

        host.change(null);
        hostHealth.check();
        assertThat(findings(host, "AGENT_SILENT").getString("items[0].status")).isEqualTo("RESOLVED");
    }

    @Test
    void aConnectedHostWithNothingToReportIsProbedAgainAndAgainAndNeverSilent() {
        ScenarioHost host = host();
        awaitClockMeasured(host, Instant.EPOCH);
        Instant connected = clock.now();
        for (int round = 1; round <= 4; round++) {
            clock.advance(Duration.ofMinutes(50));
            host.agent().clockOffset(clock.offset());
            Instant probedAt = clock.now();
            sessions.probeClocks();
            sessions.probeClocks();
            int probes = round + 1;
            await(() -> host.stream().clockProbes() >= probes, "ClockProbe " + probes);
            assertThat(host.stream().clockProbes()).as("one probe per interval").isEqualTo(probes);
            JsonPath seen = awaitClockMeasured(host, probedAt);
            assertThat(Instant.parse(seen.getString("lastSeen"))).isAfterOrEqualTo(probedAt);
            assertThat(seen.getLong("clockSkew.skewMs")).as("a fresh skew, as the agent's clock keeps time")
                    .isBetween(-5000L, 5000L);
        }
        assertThat(Duration.between(connected, clock.now())).isGreaterThan(HOUR.multipliedBy(3));
        hostHealth.check();
        assertThat(findings(host, "AGENT_SILENT").getList("items")).isEmpty();
        assertThat(findings(host, "CLOCK_SKEW").getList("items")).isEmpty();
    }

    @Test
    void aClockProbeTheAgentHasNotAnsweredYetIsNotFollowedByAnother() {
        ScenarioHost host = host();
        awaitClockMeasured(host, Instant.EPOCH);
        host.stream().holdClockProbes();
        clock.advance(Duration.ofMinutes(20));
        host.agent().clockOffset(clock.offset());
        sessions.probeClocks();
        ClockProbe outstanding = host.stream().reply().getClockProbe();
        assertThat(outstanding.getProbeId()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(20));
        sessions.probeClocks();
        host.change(null); // the Ack is the next message: no second probe came before it
        Instant answeredAt = clock.now();
        host.stream().answer(outstanding);
        awaitClockMeasured(host, answeredAt);

        clock.advance(Duration.ofMinutes(20));
        sessions.probeClocks();
        assertThat(host.stream().reply().getClockProbe().getProbeId()).isEqualTo(3);
    }

    @Test
    void anAgentClockOffByMoreThanTheThresholdIsAClockSkewFindingAndItsTimesAreCorrected() {
        try (ScenarioHost host = ScenarioHost.start(newAgent(), clock, Duration.ofMinutes(10))) {
            host.change(Items.pkg("openssl", "3.0.2"));
            JsonPath skew = getJson("/api/v1/hosts/{id}", host.id());
            assertThat(skew.getLong("clockSkew.skewMs")).isBetween(Duration.ofMinutes(10).minusSeconds(5).toMillis(),
                    Duration.ofMinutes(10).plusSeconds(5).toMillis());
            JsonPath change = observed(host, "openssl:amd64");
            assertThat(Instant.parse(change.getString("observedAt"))).as("corrected to the collector's clock")
                    .isBetween(clock.now().minusSeconds(30), clock.now());
            assertThat(Instant.parse(change.getString("observedAtAgent"))).as("as the agent stamped it")
                    .isAfter(clock.now().plus(Duration.ofMinutes(9)));
            hostHealth.check();
            JsonPath finding = findings(host, "CLOCK_SKEW");
            assertThat(finding.getString("items[0].status")).isEqualTo("OPEN");
            assertThat(finding.getString("items[0].summary")).contains("PT2M");
        }
    }

    @Test
    void invalidRecordsAndTransitionsAreProblemsNamingTheFieldOrTheAllowedTransitions() {
        ScenarioHost host = host();
        Instant t0 = clock.now();
        requester.post("/api/v1/changes", standard(t0.plus(HOUR), t0, host.id(), upgrade("openssl:amd64", null)))
                .statusCode(400).contentType("application/problem+json").body("title", equalTo("Invalid field 'windowEnd'"));
        requester.post("/api/v1/changes", standard(t0, t0.plus(HOUR), "no-such-host", upgrade("openssl:amd64", null)))
                .statusCode(400).body("title", equalTo("Invalid field 'hosts[0]'"));
        requester.post("/api/v1/changes", standard(t0, t0.plus(HOUR), host.id(), upgrade("openssl[0-9]", null)))
                .statusCode(400).body("title", equalTo("Invalid field 'expectations[0].key'"));
        long id = requester.post("/api/v1/changes", standard(t0, t0.plus(HOUR), host.id(), upgrade("openssl:amd64", null)))
                .statusCode(201).extract().jsonPath().getLong("id");
        approver.post("/api/v1/changes/{id}/approve", Map.of(), id).statusCode(409)
                .body("detail", containsString("allowed transitions: cancel, submit"));
        given().auth().none().contentType("application/json").body(Map.of()).post("/api/v1/changes").then().statusCode(401);
        Actor.ADMIN.get("/api/v1/me").statusCode(200).body("roles", org.hamcrest.Matchers.contains("ADMIN"));
    }

    // --- scenario helpers ---

    private ScenarioHost host() {
        ScenarioHost host = ScenarioHost.start(newAgent(), clock);
        hosts.add(host);
        return host;
    }

    private JsonPath observed(ScenarioHost host, String key) {
        return workflow.observed(host.id(), key);
    }

    private JsonPath findings(ScenarioHost host, String type) {
        return workflow.findings(host.id(), type);
    }

    /** The host as GET /hosts/{id} shows it once a clock reply received at or after {@code after} is stored. */
    private JsonPath awaitClockMeasured(ScenarioHost host, Instant after) {
        JsonPath[] current = new JsonPath[1];
        await(() -> {
            current[0] = getJson("/api/v1/hosts/{id}", host.id());
            String measuredAt = current[0].getString("clockSkew.measuredAt");
            return measuredAt != null && !Instant.parse(measuredAt).isBefore(after);
        }, "a clock reply of host " + host.id() + " received after " + after);
        return current[0];
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
