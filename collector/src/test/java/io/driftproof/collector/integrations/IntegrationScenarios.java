package io.driftproof.collector.integrations;

import io.driftproof.collector.testing.ChangeWorkflow;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.ScenarioHost;
import io.driftproof.collector.testing.TestClock;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Change requests arriving from Jira Service Management and ServiceNow webhooks (sample payloads
 * under fixtures/integrations): created with the ticket's names and times, updated only by
 * transitions and revisions. Run once per database. */
public abstract class IntegrationScenarios extends CollectorTest {

    private static final DateTimeFormatter JIRA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SERVICENOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    TestClock clock;

    private ScenarioHost host;
    private ChangeWorkflow workflow;
    private Instant now;

    @BeforeEach
    void host() {
        host = ScenarioHost.start(newAgent(), clock);
        workflow = ChangeWorkflow.create();
        now = clock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void aJiraChangeIsCreatedThenApprovedThenRevisedByTransitionsWithTheTicketsNamesAndTimes() {
        String key = "ITSM-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> values = Map.of("key", key, "host", host.id(), "created", JIRA.format(now.minus(HOUR.multipliedBy(50))),
                "plannedStart", JIRA.format(now.minus(HOUR)), "plannedEnd", JIRA.format(now.plus(HOUR)),
                "approved", JIRA.format(now.minus(HOUR.multipliedBy(48))));

        long id = post("jira", "test-jira-secret", fixture("jira-change-created.json", values)).statusCode(201)
                .body("outcome", equalTo("CREATED")).extract().jsonPath().getLong("id");
        JsonPath created = workflow.record(id);
        assertThat(created.getString("state")).isEqualTo("SUBMITTED");
        assertThat(created.getString("externalSource")).isEqualTo("JIRA");
        assertThat(created.getString("externalId")).isEqualTo(key);
        assertThat(created.getString("requestedBy")).isEqualTo("Alex Admin");
        assertThat(created.getString("justification")).isEqualTo("CVE-2024-5535 on a system storing CUI");
        assertThat(created.getList("history.findAll { it.imported != null }.action")).containsExactly("CREATED", "SUBMIT");
        assertThat(created.getList("history.imported.source")).containsOnly("JIRA");
        assertThat(created.getString("history[2].by")).isEqualTo("integration:jira");

        String approved = fixture("jira-change-approved.json", values);
        post("jira", "test-jira-secret", approved).statusCode(200).body("outcome", equalTo("UPDATED"));
        JsonPath record = workflow.record(id);
        assertThat(record.getString("state")).isEqualTo("APPROVED");
        assertThat(record.getString("approvedBy")).isEqualTo("Dana Director");
        assertThat(Instant.parse(record.getString("approvedAt"))).isEqualTo(now.minus(HOUR.multipliedBy(48)));
        assertThat(record.getString("separationOfDuties")).isEqualTo("SEPARATE");
        assertThat(record.getList("history.action")).containsExactly("CREATED", "SUBMIT", "APPROVE", "IMPORTED", "IMPORTED");
        post("jira", "test-jira-secret", approved).statusCode(200).body("outcome", equalTo("UNCHANGED"));

        host.change(host.pkg("openssl", "3.0.2"));
        assertThat(workflow.observed(host.id(), "openssl:amd64").getString("status")).isEqualTo("AUTHORIZED");

        String moved = approved.replace(JIRA.format(now.plus(HOUR)), JIRA.format(now.plus(HOUR.multipliedBy(2))))
                .replace("\"updated\": \"" + JIRA.format(now.minus(HOUR.multipliedBy(48))), "\"updated\": \"" + JIRA.format(now));
        post("jira", "test-jira-secret", moved).statusCode(200).body("outcome", equalTo("UPDATED"));
        JsonPath revised = workflow.record(id);
        assertThat(revised.getInt("revision")).isEqualTo(2);
        assertThat(revised.getString("state")).as("the approval was of the earlier revision").isEqualTo("SUBMITTED");
        assertThat(revised.getString("history.find { it.action == 'REVISE' }.by")).isEqualTo("Dana Director");
        assertThat(revised.getString("history.find { it.action == 'REVISE' }.imported.source")).isEqualTo("JIRA");
        assertThat(workflow.observed(host.id(), "openssl:amd64").getString("status")).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aServiceNowEmergencyChangeIsApprovedAsTheTicketSaysAndLaterCancelled() {
        String number = "CHG" + UUID.randomUUID().toString().substring(0, 7);
        Map<String, String> values = Map.of("number", number, "host", host.id(), "created",
                SERVICENOW.format(now.minus(HOUR.multipliedBy(3))), "start", SERVICENOW.format(now.minus(HOUR)),
                "end", SERVICENOW.format(now.plus(HOUR)), "approved", SERVICENOW.format(now.minus(HOUR.multipliedBy(2))),
                "updated", SERVICENOW.format(now.minus(HOUR.multipliedBy(2))), "updatedBy", "beth.boss", "state", "-2",
                "stateName", "Scheduled");
        long id = post("servicenow", "test-servicenow-secret", fixture("servicenow-change-request.json", values))
                .statusCode(201).extract().jsonPath().getLong("id");
        JsonPath record = workflow.record(id);
        assertThat(record.getString("type")).isEqualTo("EMERGENCY");
        assertThat(record.getString("state")).isEqualTo("APPROVED");
        assertThat(record.getString("approvedBy")).isEqualTo("Beth Boss");
        assertThat(record.getString("requestedBy")).isEqualTo("Sam Sysadmin");
        assertThat(record.getString("rollbackPlan")).isEqualTo("apt-get install curl=7.88.1");

        Map<String, String> cancelled = new HashMap<>(values);
        cancelled.putAll(Map.of("state", "4", "stateName", "Canceled", "updated", SERVICENOW.format(now), "updatedBy",
                "sam.sysadmin"));
        post("servicenow", "test-servicenow-secret", fixture("servicenow-change-request.json", cancelled)).statusCode(200);
        JsonPath after = workflow.record(id);
        assertThat(after.getString("state")).isEqualTo("CANCELLED");
        assertThat(after.getString("history.find { it.action == 'CANCEL' }.by")).isEqualTo("sam.sysadmin");
    }

    @Test
    void aWebhookWithoutTheSharedSecretOrWithABadPayloadIsRefused() {
        String body = fixture("jira-change-created.json", Map.of("key", "ITSM-X", "host", host.id(), "created",
                JIRA.format(now), "plannedStart", JIRA.format(now.minus(HOUR)), "plannedEnd", JIRA.format(now.plus(HOUR))));
        post("jira", "wrong", body).statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(body).post("/api/v1/integrations/jira").then().statusCode(401);
        post("servicenow", "test-jira-secret", body).statusCode(401);
        post("jira", "test-jira-secret", body.replace("\"summary\": \"Upgrade OpenSSL on the file server\",", ""))
                .statusCode(400).body("title", equalTo("Invalid field 'issue.fields.summary'"));
        post("jira", "test-jira-secret", body.replace("PACKAGE UPGRADE openssl:amd64 3.0.2", "upgrade openssl"))
                .statusCode(400).body("title", equalTo("Invalid field 'issue.fields.customfield_10061'"))
                .body("detail", containsString("KIND ACTION key"));
        post("zendesk", "x", body).statusCode(404);
    }

    private static ValidatableResponse post(String system, String secret, String body) {
        return given().contentType("application/json").header("X-Driftproof-Secret", secret).body(body)
                .post("/api/v1/integrations/{system}", system).then();
    }

    private static String fixture(String name, Map<String, String> values) {
        try (InputStream in = IntegrationScenarios.class.getResourceAsStream("/fixtures/integrations/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("{{" + v.getKey() + "}}", v.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
