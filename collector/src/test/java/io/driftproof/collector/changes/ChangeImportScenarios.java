package io.driftproof.collector.changes;

import io.driftproof.collector.testing.Actor;
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

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** POST /changes/import: a CSV change log taken over with its original names and times, marked as
 * imported, reconciled like any record, all rows or none. Run once per database. */
public abstract class ChangeImportScenarios extends CollectorTest {

    private static final String HEADER = "id,title,type,requester,requestedAt,approver,approvedAt,windowStart,windowEnd,"
            + "hosts,expectations,justification\n";

    @Inject
    TestClock clock;

    private ScenarioHost host;
    private ChangeWorkflow workflow;
    private String prefix;
    private Instant now;

    @BeforeEach
    void host() {
        host = ScenarioHost.start(newAgent(), clock);
        workflow = ChangeWorkflow.create();
        prefix = "CHG-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        now = clock.now();
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void anImportedChangeLogKeepsItsNamesAndTimesIsMarkedImportedAndExplainsObservedChanges() {
        host.change(host.pkg("openssl", "3.0.2"));
        assertThat(workflow.observed(host.id(), "openssl:amd64").getString("status")).isEqualTo("UNAUTHORIZED");
        String csv = HEADER
                + row(1, "Patch openssl", "alice", "bob", "PACKAGE UPGRADE openssl:amd64 3.0.2") + ",CVE fix\n"
                + row(2, "\"Rotate logs, weekly\"", "carol", "carol", "CONFIG_FILE MODIFY /etc/logrotate.d/*") + ",\n";

        JsonPath report = importCsv(Actor.ADMIN, csv).statusCode(200).body("rows", equalTo(2))
                .body("created", equalTo(2)).extract().jsonPath();
        assertThat(report.getList("records.row")).containsExactly(2, 3);
        long first = report.getLong("records[0].changeId");
        JsonPath record = workflow.record(first);
        assertThat(record.getString("state")).isEqualTo("APPROVED");
        assertThat(record.getString("externalSource")).isEqualTo("CSV");
        assertThat(record.getString("externalId")).isEqualTo(prefix + 1);
        assertThat(record.getString("requestedBy")).isEqualTo("alice");
        assertThat(record.getString("approvedBy")).isEqualTo("bob");
        assertThat(Instant.parse(record.getString("approvedAt"))).isEqualTo(now.minus(Duration.ofDays(2)));
        assertThat(record.getString("separationOfDuties")).isEqualTo("SEPARATE");
        assertThat(record.getList("history.action")).containsExactly("CREATED", "SUBMIT", "APPROVE", "IMPORTED");
        assertThat(record.getList("history.by")).containsExactly("alice", "alice", "bob", "admin");
        assertThat(record.getList("history.findAll { it.imported != null }.action"))
                .as("relayed steps").containsExactly("CREATED", "SUBMIT", "APPROVE");
        assertThat(record.getList("history.imported.source")).containsOnly("CSV");
        assertThat(record.getList("history.imported.importedBy")).containsOnly("admin");
        assertThat(record.getString("history[3].imported")).as("the import itself is first-hand").isNull();
        assertThat(Instant.parse(record.getString("history[3].at"))).isAfterOrEqualTo(now);
        assertThat(record.getString("history[3].note")).contains("row 2", prefix + 1);

        JsonPath change = workflow.observed(host.id(), "openssl:amd64");
        assertThat(change.getString("status")).isEqualTo("AUTHORIZED");
        assertThat(change.getLong("changeRecordId")).isEqualTo(first);

        long second = report.getLong("records[1].changeId");
        assertThat(workflow.record(second).getString("title")).isEqualTo("Rotate logs, weekly");
        assertThat(workflow.record(second).getString("separationOfDuties")).isEqualTo("VIOLATED");
        assertThat(workflow.recordFindings(second, "SEPARATION_OF_DUTIES").getList("items")).hasSize(1);

        importCsv(Actor.ADMIN, csv).statusCode(200).body("unchanged", equalTo(2));
        assertThat(workflow.record(first).getList("history")).as("importing again changes nothing").hasSize(4);
    }

    @Test
    void aBadRowIsAProblemNamingRowAndColumnAndNothingIsImported() {
        String good = row(1, "Patch curl", "alice", "bob", "PACKAGE UPGRADE curl:amd64") + ",\n";
        importCsv(Actor.ADMIN, HEADER + good + prefix + "2,Bad window,STANDARD,alice," + at(-3) + ",bob," + at(-2) + ","
                + now.plus(Duration.ofHours(1)) + "," + now.minus(Duration.ofHours(1)) + "," + host.id()
                + ",PACKAGE UPGRADE curl:amd64,\n")
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid row 3, column 'windowEnd'"));
        importCsv(Actor.ADMIN, HEADER + good + row(3, "Unknown host", "alice", "bob", "PACKAGE UPGRADE curl:amd64")
                .replace(host.id(), "no-such-host") + ",\n")
                .statusCode(400).body("title", equalTo("Invalid row 3, column 'hosts'"));
        importCsv(Actor.ADMIN, HEADER + good + row(4, "Bad glob", "alice", "bob", "PACKAGE UPGRADE curl[0-9]") + ",\n")
                .statusCode(400).body("title", equalTo("Invalid row 3, column 'expectations'"));
        importCsv(Actor.ADMIN, HEADER + good + row(5, "Bad time", "alice", "bob", "PACKAGE UPGRADE curl:amd64")
                .replace(at(-2), "yesterday") + ",\n")
                .statusCode(400).body("title", equalTo("Invalid row 3, column 'approvedAt'"));
        importCsv(Actor.ADMIN, "id,title,colour\n").statusCode(400).body("title", equalTo("Invalid row 1, column 'colour'"));

        importCsv(Actor.ADMIN, HEADER + good).statusCode(200).body("created", equalTo(1));
        importCsv(workflow.requester(), HEADER + good).statusCode(403);
    }

    /** A STANDARD record for the host: requested three days ago, approved two days ago, window around now. */
    private String row(int n, String title, String requester, String approver, String expectations) {
        return prefix + n + "," + title + ",STANDARD," + requester + "," + at(-3) + "," + approver + "," + at(-2) + ","
                + now.minus(Duration.ofHours(1)) + "," + now.plus(Duration.ofHours(1)) + "," + host.id() + ","
                + expectations;
    }

    private String at(int days) {
        return now.plus(Duration.ofDays(days)).toString();
    }

    private static ValidatableResponse importCsv(Actor actor, String csv) {
        return actor.request().contentType("text/csv").body(csv).post("/api/v1/changes/import").then();
    }
}
