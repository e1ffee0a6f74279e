package io.driftproof.collector.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.net.URL;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the collector tests share: the running collector's port, row counts, a fresh host per
 * test (the test databases persist across classes and, on PostgreSQL, across runs). */
public abstract class CollectorTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    protected Rows rows;

    protected TestAgent newAgent() {
        return new TestAgent(port(), "host-" + UUID.randomUUID());
    }

    protected int port() {
        return root.getPort();
    }

    protected static JsonPath getJson(String path, Object... params) {
        return given().get(path, params).then().statusCode(200).extract().jsonPath();
    }
}
