package io.driftproof.collector.e2e;

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
import java.util.Map;

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

    @TempDir
    Path work;
    @Inject
    TestClock clock;
    @Inject
    WindowEndVerification windowEnd;
    @Inject
    AlertInbox alerts;

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
        agent = new AgentJar(port());
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

    /** A STANDARD record for the host, window from an hour ago to an hour from now, requested and
     * approved 26 hours ago; the clock is back at real time afterwards. */
    private long approvedYesterday(Map<String, Object> expectation) {
        Instant now = clock.now();
        clock.advance(HOUR.multipliedBy(-26));
        long id = workflow.approved(standard(now.minus(HOUR), now.plus(HOUR), host.hostId(), expectation));
        clock.reset();
        return id;
    }
}
