package io.driftproof.collector.security;

import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** API tokens for automation, and what the API refuses whoever asks: unknown JSON fields,
 * form-like cross-site writes, missing security headers. Runs once per database. */
public abstract class ApiAccess extends CollectorTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void apiTokensCarryTheirRolesUntilTheyExpireOrAreRevoked() {
        JsonPath created = create("ci-export", List.of("AUDITOR"), 30).statusCode(201).extract().jsonPath();
        String auditor = created.getString("token");
        assertThat(auditor).startsWith("dpat_");
        bearer(auditor).get("/api/v1/hosts").then().statusCode(200);
        bearer(auditor).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("token:" + created.getString("details.name")))
                .body("roles", equalTo(List.of("AUDITOR")));
        bearer(auditor).contentType(ContentType.JSON).body(Map.of("ttlMinutes", 5)).post("/api/v1/enrollment-tokens")
                .then().statusCode(403);

        long id = created.getLong("details.id");
        Actor.ADMIN.get("/api/v1/api-tokens").statusCode(200).body("id", hasItem((int) id))
                .body(not(containsString(auditor)));
        Actor.ADMIN.post("/api/v1/api-tokens/{id}/revoke", Map.of(), id).statusCode(200).body("revokedBy", equalTo("admin"));
        bearer(auditor).get("/api/v1/hosts").then().statusCode(401);

        String shortLived = create("ci-short", List.of("ADMIN"), 1).statusCode(201).extract().jsonPath().getString("token");
        bearer(shortLived).get("/api/v1/hosts").then().statusCode(200);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        bearer(shortLived).get("/api/v1/hosts").then().statusCode(401);

        bearer("dpat_not-a-token").get("/api/v1/hosts").then().statusCode(401);
        create("bad name", List.of("ADMIN"), 1).statusCode(400).body("title", containsString("'name'"));
        create("ci-norole", List.of("ROOT"), 1).statusCode(400).body("title", containsString("'roles'"));
        create("ci-forever", List.of("ADMIN"), 10_000).statusCode(400).body("title", containsString("'ttlDays'"));
    }

    @Test
    void writesRefuseUnknownFieldsAndFormLikeRequests() {
        Actor.ADMIN.post("/api/v1/enrollment-tokens", Map.of("ttlMinutes", 5, "ttl", 7)).statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unknown field 'ttl'"));
        Actor.ADMIN.request().contentType("application/x-www-form-urlencoded").formParam("ttlMinutes", "5")
                .post("/api/v1/enrollment-tokens").then().statusCode(415);
        given().auth().preemptive().basic(Actor.ADMIN.name(), Actor.ADMIN.password())
                .post("/api/v1/hosts/{id}/certificate/revoke", "no-such-host").then().statusCode(415)
                .body("detail", containsString("application/json"));
        Actor.ADMIN.request().contentType("text/plain").body("{}").post("/api/v1/users").then().statusCode(415);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        for (ValidatableResponse response : List.of(given().get("/q/health").then(),
                given().auth().none().get("/api/v1/hosts").then().statusCode(401),
                Actor.ADMIN.get("/api/v1/hosts").statusCode(200))) {
            response.header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    private static ValidatableResponse create(String name, List<String> roles, int ttlDays) {
        return Actor.ADMIN.post("/api/v1/api-tokens", Map.of("name", name + "-" + System.nanoTime(), "roles", roles,
                "ttlDays", ttlDays));
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().none().header("Authorization", "Bearer " + token);
    }
}
