package io.driftproof.collector.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the collector tests share: the running collector's port, row counts, a fresh host per
 * test (the test databases persist across classes and, on PostgreSQL, across runs). REST calls
 * without explicit credentials authenticate as the administrator; {@code given().auth().none()}
 * calls anonymously. */
public abstract class CollectorTest {

    @BeforeEach
    void authenticateAsAdmin() {
        RestAssured.authentication = RestAssured.preemptive().basic(Actor.ADMIN.name(), Actor.ADMIN.password());
    }

    @AfterEach
    void forgetCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

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
