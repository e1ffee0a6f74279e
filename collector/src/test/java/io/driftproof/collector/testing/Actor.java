package io.driftproof.collector.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A user of the REST API with HTTP Basic credentials; {@link #create} makes a new one as admin. */
public record Actor(String name, String password) {

    public static final Actor ADMIN = new Actor("admin", "test-admin-password");

    public static Actor create(String prefix, String... roles) {
        Actor actor = new Actor(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "correct-horse-battery");
        ADMIN.post("/api/v1/users", Map.of("username", actor.name, "password", actor.password, "roles", List.of(roles)))
                .statusCode(201);
        return actor;
    }

    public RequestSpecification request() {
        return given().auth().preemptive().basic(name, password).contentType(ContentType.JSON);
    }

    public ValidatableResponse post(String path, Object body, Object... params) {
        return request().body(body).post(path, params).then();
    }

    public ValidatableResponse get(String path, Object... params) {
        return request().get(path, params).then();
    }
}
