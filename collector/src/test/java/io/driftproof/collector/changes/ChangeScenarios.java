package io.driftproof.collector.changes;

import io.driftproof.collector.alerts.AlertSender;
import io.driftproof.collector.findings.HostHealthCheck;
import io.driftproof.collector.observed.ObservedChange;
import io.driftproof.collector.reconcile.ReconcileTriggers;
import io.driftproof.collector.reconcile.ReconciliationService;
import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.AgentStream;
import io.driftproof.collector.testing.AlertReceiver;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.TestAgent;
import io.driftproof.collector.testing.TestClock;
import io.driftproof.collector.verification.WindowEndVerification;
import io.driftproof.proto.v1.Item;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    AlertSender alerts;
    @Inject
    MockMailbox mailbox;
    @ConfigProperty(name = "test.alert-receiver")
    String receiver;

    private Actor requester;
    private Actor approver;
    private Actor implementer;
    private final List<AgentStream> streams = new ArrayList<>();

    @BeforeEach
    void actors() {
        requester = Actor.create("requester", "REQUESTER");
        approver = Actor.create("approver", "APPROVER");
        implementer = Actor.create("implementer", "IMPLEMENTER");
    }

    @AfterEach
    void resetClock() {
        streams.forEach(AgentStream::close);
        clock.reset();
    }

    @Test
    void approvedThenImplementedInTheWindowIsAuthorizedAndVerified() {
        Host host = host();
        Instant t0 = clock.now();
        long id = approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));

        clock.advance(HOUR.multipliedBy(25).plusMinutes(30));
        host.change(pkg(host, "openssl", "3.0.2"));
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
        assertThat(record.getString("separationOfDuties")).contains(requester.name(), approver.name());

        implementer.post("/api/v1/changes/{id}/signoff", Map.of(), id).statusCode(403);
        approver.post("/api/v1/changes/{id}/signoff", Map.of("note", "checked"), id).statusCode(200)
                .body("signedOffBy", equalTo(approver.name()));
        approver.post("/api/v1/changes/{id}/close", Map.of(), id).statusCode(200).body("state", equalTo("CLOSED"));
        assertThat(findings(host, null).getList("items")).isEmpty();
    }

    @Test
    void aChangeWithoutRecordIsAnUnapprovedChangeAlertedOnEveryChannelWithRetry() {
        Host host = host();
        given().post(receiver + "/fail?count=100000").then().statusCode(204);
        clock.advance(Duration.ofMinutes(5));
        host.change(pkg(host, "netcat", "1.10"));

        JsonPath change = observed(host, "netcat:amd64");
        assertThat(change.getString("status")).isEqualTo("UNAUTHORIZED");
        assertThat(change.getString("changeRecordId")).isNull();
        JsonPath finding = findings(host, "UNAPPROVED_CHANGE");
        assertThat(finding.getList("items")).hasSize(1);
        long findingId = finding.getLong("items[0].id");
        assertThat(finding.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(finding.getString("items[0].evidence")).isEqualTo("/api/v1/observed-changes/" + change.getLong("id") + "/diff");

        drainAlerts();
        JsonPath failed = delivery(findingId, "hook");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        assertThat(failed.getString("deliveredAt")).isNull();
        assertThat(failed.getString("lastError")).contains("503");

        given().post(receiver + "/fail?count=0").then().statusCode(204);
        clock.advance(Duration.ofSeconds(31));
        drainAlerts();
        assertThat(delivery(findingId, "hook").getInt("attempts")).isEqualTo(2);
        assertThat(delivery(findingId, "hook").getString("deliveredAt")).isNotNull();

        JsonPath webhook = received("/webhook", host.id());
        assertThat(webhook.getString("type")).isEqualTo("UNAPPROVED_CHANGE");
        assertThat(webhook.getString("key")).isEqualTo("netcat:amd64");
        assertThat(webhook.getString("beforeSummary")).isEqualTo("absent");
        assertThat(webhook.getString("afterSummary")).isEqualTo("version 1.10");
        assertThat(webhook.getString("diffUrl")).isEqualTo("https://driftproof.example.test/api/v1/observed-changes/"
                + change.getLong("id") + "/diff");
        assertThat(received("/slack", host.id()).getString("text")).contains("UNAPPROVED_CHANGE", "netcat:amd64");
        assertThat(received("/teams", host.id()).getString("@type")).isEqualTo("MessageCard");
        List<String> syslog = given().get(receiver + "/received?path=/syslog").then().extract().jsonPath().getList("$");
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
        Host host = host();
        clock.advance(Duration.ofMinutes(5));
        host.change(pkg(host, "openssl", "3.0.2"));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("UNAUTHORIZED");

        Instant now = clock.now();
        clock.advance(Duration.ofMinutes(5));
        long id = approved(standard(now.minus(HOUR), now.plus(HOUR), host.id(), upgrade("openssl:amd64", "3.0.2")));

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
        Host early = host();
        Host late = host();
        clock.advance(Duration.ofMinutes(5));
        early.change(pkg(early, "openssl", "3.0.9"));
        late.change(pkg(late, "openssl", "3.0.9"));
        Instant now = clock.now();
        long onTime = submitted(record("EMERGENCY", now.minus(HOUR), now.plus(HOUR), early.id(), upgrade("openssl:amd64", null)));
        long overdue = submitted(record("EMERGENCY", now.minus(HOUR), now.plus(HOUR), late.id(), upgrade("openssl:amd64", null)));
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
        Host host = host();
        Instant t0 = clock.now();
        long id = approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));
        clock.advance(HOUR);
        host.change(pkg(host, "openssl", "3.0.2"));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("OUTSIDE_WINDOW");
        assertThat(observed(host, "openssl:amd64").getLong("changeRecordId")).isEqualTo(id);
        assertThat(findings(host, "OUTSIDE_WINDOW").getList("items")).hasSize(1);
    }

    @Test
    void anApprovedChangeNeverImplementedIsMissingAtTheEndOfItsWindow() {
        Host host = host();
        Instant t0 = clock.now();
        long id = approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(26)), host.id(),
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
        Host host = host();
        Instant t0 = clock.now();
        long id = approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", "3.0.2")));
        clock.advance(HOUR.multipliedBy(25).plusMinutes(10));
        host.change(pkg(host, "openssl", "3.0.3"));
        implementer.post("/api/v1/changes/{id}/implemented", Map.of(), id).statusCode(200);
        implementer.post("/api/v1/changes/{id}/verify", Map.of(), id).statusCode(200)
                .body("state", equalTo("VERIFICATION_FAILED"))
                .body("verification[0].outcome", equalTo("DIFFERENT"))
                .body("verification[0].detail", containsString("3.0.3"));
        assertThat(findings(host, "DIFFERENT_IMPLEMENTATION").getList("items")).hasSize(1);
    }

    @Test
    void approvalWithoutEvidenceTimeInsideTheScanIntervalIsUndetermined() {
        Host host = host();
        Instant t0 = clock.now();
        approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                upgrade("openssl:amd64", null)));
        clock.advance(HOUR.multipliedBy(25).plusMinutes(10));
        host.change(Items.pkg("openssl", "3.0.2"));
        assertThat(observed(host, "openssl:amd64").getString("status")).isEqualTo("UNDETERMINED");
        assertThat(findings(host, "APPROVAL_ORDER_UNDETERMINED").getList("items")).hasSize(1);
    }

    @Test
    void theRequesterMayNotApproveTheirOwnChange() {
        Host host = host();
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
        Host host = host();
        String tag = "ignore-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType("application/json").body(Map.of("tags", List.of(tag))).put("/api/v1/hosts/{id}", host.id())
                .then().statusCode(200);
        Instant now = clock.now();
        long rule = approved(record("IGNORE_RULE", now, now.plus(Duration.ofDays(365)), "tag:" + tag,
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
    void aMonthlyPatchCycleHasItsSummaryRecordVerifiedWithEveryPackageOnEveryHost() {
        Host a = host();
        Host b = host();
        String tag = "servers-" + UUID.randomUUID().toString().substring(0, 6);
        for (Host h : List.of(a, b)) {
            given().contentType("application/json").body(Map.of("tags", List.of(tag))).put("/api/v1/hosts/{id}", h.id())
                    .then().statusCode(200);
        }
        Instant t0 = clock.now();
        Map<String, Object> body = record("RECURRING", t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(29)),
                "tag:" + tag, Map.of("kind", "PACKAGE", "key", "*", "action", "UPGRADE"));
        body.put("recurrence", "P1M");
        long standing = approved(body);
        clock.advance(HOUR.multipliedBy(26));
        a.change(pkg(a, "openssl", "3.0.2"));
        b.change(pkg(b, "curl", "7.88.2"));

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
    void invalidRecordsAndTransitionsAreProblemsNamingTheFieldOrTheAllowedTransitions() {
        Host host = host();
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

    private record Host(String id, TestAgent agent, AgentStream stream, TestClock clock) {
        void change(Item item) {
            if (item != null) {
                agent.put(item);
            }
            agent.clockOffset(clock.offset());
            assertThat(agent.deliver(stream, agent.delta()).hasAck()).isTrue();
        }
    }

    private Host host() {
        TestAgent agent = newAgent().clockOffset(clock.offset());
        Instant longAgo = agent.now().minus(Duration.ofDays(30));
        agent.put(Items.pkg("openssl", "3.0.1", longAgo)).put(Items.pkg("curl", "7.88.1", longAgo));
        AgentStream stream = agent.open();
        streams.add(stream);
        stream.hello();
        assertThat(agent.deliver(stream, agent.fullSnapshot()).hasAck()).isTrue();
        return new Host(agent.hostId(), agent, stream, clock);
    }

    /** A package as installed a minute ago on the host's (agent's) clock: the evidence time. */
    private Item pkg(Host host, String name, String version) {
        host.agent().clockOffset(clock.offset());
        return Items.pkg(name, version, host.agent().now().minusSeconds(60));
    }

    private static Map<String, Object> upgrade(String key, String toVersion) {
        Map<String, Object> e = new HashMap<>(Map.of("kind", "PACKAGE", "key", key, "action", "UPGRADE"));
        if (toVersion != null) {
            e.put("toVersion", toVersion);
        }
        return e;
    }

    private static Map<String, Object> standard(Instant start, Instant end, String host, Map<String, Object> expectation) {
        return record("STANDARD", start, end, host, expectation);
    }

    private static Map<String, Object> record(String type, Instant start, Instant end, String host,
                                              Map<String, Object> expectation) {
        return new HashMap<>(Map.of("title", type + " change on " + host, "justification", "security patch",
                "type", type, "windowStart", start.toString(), "windowEnd", end.toString(), "hosts", List.of(host),
                "expectations", List.of(expectation), "rollbackPlan", "reinstall the previous version", "cuiInvolved", true));
    }

    private long submitted(Map<String, Object> body) {
        long id = requester.post("/api/v1/changes", body).statusCode(201).extract().jsonPath().getLong("id");
        requester.post("/api/v1/changes/{id}/submit", Map.of(), id).statusCode(200).body("state", equalTo("SUBMITTED"));
        return id;
    }

    private long approved(Map<String, Object> body) {
        long id = submitted(body);
        approver.post("/api/v1/changes/{id}/approve", Map.of("note", "impact reviewed"), id).statusCode(200)
                .body("approvedBy", equalTo(approver.name()));
        return id;
    }

    private JsonPath observed(Host host, String key) {
        JsonPath page = Actor.ADMIN.get("/api/v1/hosts/{id}/changes", host.id()).statusCode(200).extract().jsonPath();
        return new JsonPath(page.prettify()).setRootPath("items.find { it.key == '" + key + "' }");
    }

    private JsonPath findings(Host host, String type) {
        String query = "/api/v1/findings?hostId=" + host.id() + (type == null ? "" : "&type=" + type);
        return approver.get(query).statusCode(200).extract().jsonPath();
    }

    private void drainAlerts() {
        while (alerts.sendDue() > 0) {
            // each call sends one batch
        }
    }

    private JsonPath delivery(long findingId, String channel) {
        JsonPath list = Actor.ADMIN.get("/api/v1/alerts?findingId={id}", findingId).statusCode(200).extract().jsonPath();
        return new JsonPath(list.prettify()).setRootPath("find { it.channel == '" + channel + "' }");
    }

    private JsonPath received(String path, String hostId) {
        JsonPath all = given().get(receiver + "/received?path=" + path).then().statusCode(200).extract().jsonPath();
        String match = path.equals("/webhook") ? "it.hostId == '" + hostId + "'" : "it.toString().contains('" + hostId + "')";
        return new JsonPath(all.prettify()).setRootPath("find { " + match + " }");
    }
}
