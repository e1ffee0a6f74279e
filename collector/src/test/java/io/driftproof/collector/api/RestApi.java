package io.driftproof.collector.api;

import io.driftproof.collector.testing.AgentStream;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.TestAgent;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The REST contract: paging, problem details for bad parameters and unknown ids, host attributes. */
public abstract class RestApi extends CollectorTest {

    private static final int PACKAGES = 25;
    private TestAgent agent;

    @BeforeEach
    void hostWithItemsAndChanges() {
        agent = newAgent();
        for (int i = 0; i < PACKAGES; i++) {
            agent.put(Items.pkg(String.format("pkg-%02d", i), "1.0"));
        }
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            for (int i = 0; i < 3; i++) {
                agent.put(Items.pkg(String.format("pkg-%02d", i), "2.0"));
            }
            agent.deliver(stream, agent.delta());
        }
    }

    @Test
    void listsArePagedWithLimitAndOffset() {
        String items = "/api/v1/hosts/" + agent.hostId() + "/items";
        given().get(items + "?limit=10").then().statusCode(200)
                .body("items.size()", equalTo(10)).body("total", equalTo(PACKAGES)).body("offset", equalTo(0))
                .body("limit", equalTo(10)).body("next", equalTo(10)).body("items[0].key", equalTo("pkg-00:amd64"));
        given().get(items + "?limit=10&offset=20").then().statusCode(200)
                .body("items.size()", equalTo(5)).body("next", nullValue()).body("items[0].key", equalTo("pkg-20:amd64"));
        given().get("/api/v1/hosts/{id}/changes?limit=2", agent.hostId()).then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", equalTo(3)).body("next", equalTo(2));
        given().get("/api/v1/hosts?limit=1").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void changesAreFilteredByObservedTime() {
        List<String> observed = getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getList("items.observedAt");
        String at = observed.get(0);
        assertThat(at).endsWith("Z");
        given().get("/api/v1/hosts/{id}/changes?from=" + at, agent.hostId()).then().body("total", equalTo(3));
        given().get("/api/v1/hosts/{id}/changes?to=" + at, agent.hostId()).then().body("total", equalTo(0));
        given().queryParam("from", "2000-01-01T00:00:00+01:00").get("/api/v1/hosts/{id}/changes", agent.hostId()).then().body("total", equalTo(3));
    }

    @Test
    void badParametersAreProblemDetailsNamingTheParameter() {
        problem(given().get("/api/v1/hosts/{id}/changes?from=yesterday", agent.hostId()), 400).body("title", containsString("'from'"));
        problem(given().get("/api/v1/hosts/{id}/changes?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", agent.hostId()), 400)
                .body("title", containsString("'to'"));
        problem(given().get("/api/v1/hosts/{id}/items?kind=SERVICE", agent.hostId()), 400)
                .body("title", containsString("'kind'")).body("detail", containsString("PACKAGE, FIRMWARE, CONFIG_FILE"));
        problem(given().get("/api/v1/hosts?limit=5000"), 400).body("title", containsString("'limit'"));
        problem(given().get("/api/v1/hosts?limit=ten"), 400).body("title", containsString("'limit'"));
        problem(given().get("/api/v1/hosts?offset=-1"), 400).body("title", containsString("'offset'"));
        problem(given().get("/api/v1/observed-changes/1/diff?format=html"), 400).body("title", containsString("'format'"));
        problem(given().get("/api/v1/hosts/{id}/items/etc/x/content?at=noon", agent.hostId()), 400).body("title", containsString("'at'"));
    }

    @Test
    void unknownIdsAreNotFound() {
        problem(given().get("/api/v1/hosts/no-such-host"), 404).body("instance", equalTo("/api/v1/hosts/no-such-host"));
        problem(given().get("/api/v1/hosts/no-such-host/items"), 404);
        problem(given().get("/api/v1/hosts/no-such-host/changes"), 404);
        problem(given().get("/api/v1/observed-changes/999999999"), 404);
        problem(given().get("/api/v1/observed-changes/999999999/diff"), 404);
        problem(given().get("/api/v1/observed-changes/not-a-number"), 404);
        problem(given().get("/api/v1/hosts/{id}/items/etc/missing.conf/content", agent.hostId()), 404);
        problem(given().get("/api/v1/hosts/{id}/items/etc/x/content?at=2000-01-01T00:00:00Z", agent.hostId()), 404)
                .body("detail", containsString("no snapshot"));
        problem(given().get("/api/v1/no-such-endpoint"), 404);
    }

    @Test
    void operatorSetsCmdbAssetIdAndTags() {
        given().contentType(ContentType.JSON).body("{\"cmdbAssetId\":\"ASSET-0042\",\"tags\":[\"cui\",\"web\"]}")
                .put("/api/v1/hosts/{id}", agent.hostId()).then().statusCode(200)
                .body("cmdbAssetId", equalTo("ASSET-0042")).body("tags", equalTo(List.of("cui", "web")));
        given().get("/api/v1/hosts/{id}", agent.hostId()).then().body("tags", hasItem("cui"));
        given().contentType(ContentType.JSON).body("{\"tags\":[\"web\"]}").put("/api/v1/hosts/{id}", agent.hostId())
                .then().statusCode(200).body("cmdbAssetId", nullValue()).body("tags", equalTo(List.of("web")));

        problem(given().contentType(ContentType.JSON).body("{\"tags\":[\"has space\"]}").put("/api/v1/hosts/{id}", agent.hostId()), 400);
        problem(given().contentType(ContentType.JSON).body("{\"tags\":").put("/api/v1/hosts/{id}", agent.hostId()), 400)
                .body("detail", not(containsString("at ")));
        problem(given().contentType(ContentType.JSON).body("{}").put("/api/v1/hosts/no-such-host"), 404);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("driftproof_ingest_deltas_total", "driftproof_ingest_items_total",
                "driftproof_ingest_observed_changes_total", "driftproof_ingest_resyncs_total",
                "driftproof_ingest_rejected_total", "driftproof_ingest_streams_open", "driftproof_ingest_lag_seconds_bucket");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/hosts/{hostId}/changes"));
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", containsString("problem")).body("title", not(nullValue()))
                .body("detail", not(containsString("Exception")));
    }
}
