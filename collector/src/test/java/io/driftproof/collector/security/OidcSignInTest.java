package io.driftproof.collector.security;

import io.driftproof.collector.testing.Actor;
import io.driftproof.collector.testing.KeycloakResource;
import io.driftproof.collector.testing.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** OIDC sign-in against a real Keycloak: the role claim maps to driftproof roles and nothing else;
 * local users and API tokens keep working beside it. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcSignInTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Test
    void tokenClaimsMapToDriftproofRoles() {
        bearer(token("alice", "alice-password")).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("alice")).body("roles", equalTo(List.of("APPROVER")));
        bearer(token("alice", "alice-password")).get("/api/v1/hosts").then().statusCode(200);
        bearer(token("alice", "alice-password")).contentType("application/json").body(Map.of())
                .post("/api/v1/users").then().statusCode(403);

        bearer(token("bob", "bob-password")).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("AUDITOR")));
        bearer(token("bob", "bob-password")).get("/api/v1/observed-changes/999999999").then().statusCode(404);

        String carol = token("carol", "carol-password");
        bearer(carol).get("/api/v1/me").then().statusCode(403);
        bearer(carol).get("/api/v1/hosts").then().statusCode(403);
    }

    @Test
    void localUsersApiTokensAndBadTokensBesideOidc() {
        Actor.ADMIN.get("/api/v1/me").statusCode(200).body("username", equalTo("admin"));
        String apiToken = Actor.ADMIN.post("/api/v1/api-tokens", Map.of("name", "oidc-side-" + System.nanoTime(),
                "roles", List.of("AUDITOR"), "ttlDays", 1)).statusCode(201).extract().jsonPath().getString("token");
        bearer(apiToken).get("/api/v1/hosts").then().statusCode(200);
        bearer("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl").get("/api/v1/hosts").then().statusCode(401);
        given().auth().none().get("/api/v1/hosts").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        // Keycloak issues this client's access tokens for eight seconds only: the token is good, then
        // expires. A first request with a long-lived token fetches the signing keys, so that a slow
        // first validation cannot eat the short token's lifetime.
        bearer(token("alice", "alice-password")).get("/api/v1/me").then().statusCode(200);
        String shortLived = token("alice", "alice-password", KeycloakResource.SHORT_LIVED_CLIENT);
        bearer(shortLived).get("/api/v1/me").then().statusCode(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            Thread.sleep(250);
            status = bearer(shortLived).get("/api/v1/me").then().extract().statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).as("the same token once expired").isEqualTo(401);
    }

    private String token(String user, String password) {
        return token(user, password, KeycloakResource.CLIENT);
    }

    private String token(String user, String password, String client) {
        return given().auth().none().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", user).formParam("password", password)
                .post(issuer + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().jsonPath().getString("access_token");
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().none().header("Authorization", "Bearer " + token);
    }
}
