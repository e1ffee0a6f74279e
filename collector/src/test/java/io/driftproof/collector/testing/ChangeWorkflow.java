package io.driftproof.collector.testing;

import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** The people of a change-management process as REST API users, and what scenarios ask of the API
 * through them: records to create, submit and approve, observed changes and findings to look at. */
public record ChangeWorkflow(Actor requester, Actor approver, Actor implementer) {

    public static ChangeWorkflow create() {
        return new ChangeWorkflow(Actor.create("requester", "REQUESTER"), Actor.create("approver", "APPROVER"),
                Actor.create("implementer", "IMPLEMENTER"));
    }

    public static Map<String, Object> upgrade(String key, String toVersion) {
        Map<String, Object> e = new HashMap<>(Map.of("kind", "PACKAGE", "key", key, "action", "UPGRADE"));
        if (toVersion != null) {
            e.put("toVersion", toVersion);
        }
        return e;
    }

    public static Map<String, Object> standard(Instant start, Instant end, String host, Map<String, Object> expectation) {
        return record("STANDARD", start, end, host, expectation);
    }

    public static Map<String, Object> record(String type, Instant start, Instant end, String host,
                                             Map<String, Object> expectation) {
        return new HashMap<>(Map.of("title", type + " change on " + host, "justification", "security patch",
                "type", type, "windowStart", start.toString(), "windowEnd", end.toString(), "hosts", List.of(host),
                "expectations", List.of(expectation), "rollbackPlan", "reinstall the previous version", "cuiInvolved", true));
    }

    public long submitted(Map<String, Object> body) {
        long id = requester.post("/api/v1/changes", body).statusCode(201).extract().jsonPath().getLong("id");
        requester.post("/api/v1/changes/{id}/submit", Map.of(), id).statusCode(200).body("state", equalTo("SUBMITTED"));
        return id;
    }

    public long approved(Map<String, Object> body) {
        long id = submitted(body);
        approver.post("/api/v1/changes/{id}/approve", Map.of("note", "impact reviewed"), id).statusCode(200)
                .body("approvedBy", equalTo(approver.name()));
        return id;
    }

    public JsonPath record(long id) {
        return approver.get("/api/v1/changes/{id}", id).statusCode(200).extract().jsonPath();
    }

    /** The host's observed change of an item (the only one in these scenarios). */
    public JsonPath observed(String hostId, String key) {
        JsonPath page = Actor.ADMIN.get("/api/v1/hosts/{id}/changes", hostId).statusCode(200).extract().jsonPath();
        return new JsonPath(page.prettify()).setRootPath("items.find { it.key == '" + key + "' }");
    }

    /** The host's findings, of one type or (null) all. */
    public JsonPath findings(String hostId, String type) {
        return approver.get("/api/v1/findings?hostId=" + hostId + (type == null ? "" : "&type=" + type)).statusCode(200)
                .extract().jsonPath();
    }

    /** A record's findings of one type. */
    public JsonPath recordFindings(long recordId, String type) {
        return approver.get("/api/v1/findings?changeRecordId={id}&type={type}", recordId, type).statusCode(200)
                .extract().jsonPath();
    }
}
