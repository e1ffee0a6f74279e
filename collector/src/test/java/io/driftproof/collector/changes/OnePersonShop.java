package io.driftproof.collector.changes;

import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.ChangeWorkflow;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.ScenarioHost;
import io.driftproof.collector.testing.TestClock;
import io.driftproof.collector.verification.WindowEndVerification;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.driftproof.collector.testing.ChangeWorkflow.standard;
import static io.driftproof.collector.testing.ChangeWorkflow.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** An organisation configured as a one-person shop: the one IT person requests, approves,
 * implements and signs off, and every such record says so. Run once per database. */
public abstract class OnePersonShop extends CollectorTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    TestClock clock;
    @Inject
    WindowEndVerification windowEnd;

    @Test
    void theOneItPersonApprovesAndSignsOffTheirOwnChangeAndTheRecordStatesIt() {
        Actor it = Actor.create("it", "REQUESTER", "APPROVER", "IMPLEMENTER");
        ChangeWorkflow alone = new ChangeWorkflow(it, it, it);
        try (ScenarioHost host = ScenarioHost.start(newAgent(), clock)) {
            Instant t0 = clock.now();
            long id = alone.approved(standard(t0.plus(HOUR.multipliedBy(25)), t0.plus(HOUR.multipliedBy(27)), host.id(),
                    upgrade("openssl:amd64", "3.0.2")));
            clock.advance(HOUR.multipliedBy(25).plusMinutes(30));
            host.change(host.pkg("openssl", "3.0.2"));
            it.post("/api/v1/changes/{id}/implemented", Map.of(), id).statusCode(200);
            clock.advance(HOUR.multipliedBy(2));
            windowEnd.verifyEnded();
            it.post("/api/v1/changes/{id}/signoff", Map.of(), id).statusCode(200);

            JsonPath record = alone.record(id);
            assertThat(record.getString("state")).isEqualTo("VERIFIED");
            assertThat(record.getString("separationOfDuties")).isEqualTo("ONE_PERSON_SHOP");
            assertThat(record.getBoolean("selfApproved")).isTrue();
            assertThat(record.getString("roles")).contains(it.name(), "one-person shop");
            assertThat(record.getString("history.find { it.action == 'APPROVE' }.note")).contains("one-person shop");
            assertThat(record.getString("history.find { it.action == 'SIGNOFF' }.note")).contains("one-person shop");
            assertThat(alone.observed(host.id(), "openssl:amd64").getString("status")).isEqualTo("AUTHORIZED");
            assertThat(alone.recordFindings(id, "SEPARATION_OF_DUTIES").getList("items")).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void anImportedSelfApprovedRecordIsAOnePersonShopRecordWithoutFinding() {
        try (ScenarioHost host = ScenarioHost.start(newAgent(), clock)) {
            Instant now = clock.now();
            String id = "CHG-" + UUID.randomUUID();
            String csv = "id,title,type,requester,requestedAt,approver,approvedAt,windowStart,windowEnd,hosts,expectations\n"
                    + id + ",Patch openssl,STANDARD,pat," + now.minus(Duration.ofDays(3)) + ",pat," + now.minus(Duration.ofDays(2))
                    + "," + now.minus(HOUR) + "," + now.plus(HOUR) + "," + host.id() + ",PACKAGE UPGRADE openssl:amd64\n";
            long record = Actor.ADMIN.request().contentType("text/csv").body(csv).post("/api/v1/changes/import").then()
                    .statusCode(200).body("created", equalTo(1)).extract().jsonPath().getLong("records[0].changeId");
            JsonPath view = Actor.ADMIN.get("/api/v1/changes/{id}", record).statusCode(200).extract().jsonPath();
            assertThat(view.getString("separationOfDuties")).isEqualTo("ONE_PERSON_SHOP");
            assertThat(Actor.ADMIN.get("/api/v1/findings?changeRecordId={id}&type=SEPARATION_OF_DUTIES", record)
                    .extract().jsonPath().getList("items")).isEmpty();
        }
    }
}
