package io.driftproof.collector.security;

import io.driftproof.collector.testing.Actor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document × every role × no credentials, against the declared
 * rules below. A new endpoint without a rule fails {@link #everyOperationHasARule()}: declare who
 * may call it here. Allowed: any answer but 401/403 (ids that do not exist give 404, empty bodies
 * 400). Denied: 403 for an authenticated user without the role, 401 without credentials.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> REQUESTER = EnumSet.of(Role.REQUESTER);
    private static final Set<Role> APPROVER = EnumSet.of(Role.APPROVER);

    /** Who may call each operation ("METHOD path" as in the OpenAPI document). */
    static final Map<String, Set<Role>> RULES = Map.ofEntries(
            entry("GET /api/v1/hosts", ALL),
            entry("GET /api/v1/hosts/{hostId}", ALL),
            entry("PUT /api/v1/hosts/{hostId}", ADMIN),
            entry("GET /api/v1/hosts/{hostId}/items", ALL),
            entry("GET /api/v1/hosts/{hostId}/items/{key}/content", ALL),
            entry("GET /api/v1/hosts/{hostId}/changes", ALL),
            entry("POST /api/v1/hosts/{hostId}/certificate/revoke", ADMIN),
            entry("GET /api/v1/observed-changes/{id}", ALL),
            entry("GET /api/v1/observed-changes/{id}/diff", ALL),
            entry("POST /api/v1/enrollment-tokens", ADMIN),
            entry("POST /api/v1/users", ADMIN),
            entry("GET /api/v1/api-tokens", ADMIN),
            entry("POST /api/v1/api-tokens", ADMIN),
            entry("POST /api/v1/api-tokens/{id}/revoke", ADMIN),
            entry("GET /api/v1/me", ALL),
            entry("GET /api/v1/changes", ALL),
            entry("POST /api/v1/changes", REQUESTER),
            entry("POST /api/v1/changes/import", ADMIN),
            entry("GET /api/v1/changes/{id}", ALL),
            entry("PUT /api/v1/changes/{id}", REQUESTER),
            entry("POST /api/v1/changes/{id}/submit", REQUESTER),
            entry("POST /api/v1/changes/{id}/approve", APPROVER),
            entry("POST /api/v1/changes/{id}/reject", APPROVER),
            entry("POST /api/v1/changes/{id}/implemented", EnumSet.of(Role.IMPLEMENTER)),
            entry("POST /api/v1/changes/{id}/verify", EnumSet.of(Role.IMPLEMENTER, Role.APPROVER, Role.ADMIN)),
            entry("POST /api/v1/changes/{id}/signoff", APPROVER),
            entry("POST /api/v1/changes/{id}/close", EnumSet.of(Role.APPROVER, Role.ADMIN)),
            entry("POST /api/v1/changes/{id}/cancel", EnumSet.of(Role.REQUESTER, Role.APPROVER, Role.ADMIN)),
            entry("POST /api/v1/changes/{id}/revise", REQUESTER),
            entry("POST /api/v1/changes/{id}/attachments", EnumSet.of(Role.REQUESTER, Role.APPROVER, Role.IMPLEMENTER, Role.ADMIN)),
            entry("GET /api/v1/changes/{id}/attachments/{attachmentId}", ALL),
            entry("GET /api/v1/findings", ALL),
            entry("GET /api/v1/findings/{id}", ALL),
            entry("POST /api/v1/findings/{id}/acknowledge", EnumSet.of(Role.APPROVER, Role.ADMIN)),
            entry("GET /api/v1/alerts", EnumSet.of(Role.AUDITOR, Role.ADMIN, Role.APPROVER)),
            // A ticketing system, not a user: it proves itself with its shared secret (SHARED_SECRET).
            entry("POST /api/v1/integrations/{system}", EnumSet.noneOf(Role.class)));

    /** Operations authenticated by a shared secret in X-Driftproof-Secret instead of a user: without it
     * every caller, whatever their roles, gets 401; with it the call is accepted. */
    private static final Map<String, String> SHARED_SECRET = Map.of(
            "POST /api/v1/integrations/{system}", "test-jira-secret");

    /** Outside the OpenAPI document: null = open to anonymous callers. */
    private static final Map<String, Set<Role>> FRAMEWORK = Map.of(
            "GET /q/health", EnumSet.noneOf(Role.class),
            "GET /q/openapi", EnumSet.noneOf(Role.class),
            "GET /q/metrics", ALL);
    private static final Set<String> OPEN = Set.of("GET /q/health", "GET /q/openapi");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationHasARule() {
        Set<String> operations = operations();
        assertThat(new TreeSet<>(operations)).as("operations without a rule in AuthorizationMatrixTest.RULES")
                .isSubsetOf(RULES.keySet());
        assertThat(new TreeSet<>(RULES.keySet())).as("rules for operations that no longer exist").isSubsetOf(operations);
    }

    @Test
    void everyOperationAnswersEachRoleAndAnonymousCallersAsDeclared() {
        Map<Role, Actor> actors = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            actors.put(role, Actor.create("matrix-" + role.name().toLowerCase(Locale.ROOT), role.name()));
        }
        List<String> wrong = new ArrayList<>();
        Map<String, Set<Role>> all = new java.util.TreeMap<>(RULES);
        all.putAll(FRAMEWORK);
        for (Map.Entry<String, Set<Role>> rule : all.entrySet()) {
            String method = rule.getKey().substring(0, rule.getKey().indexOf(' '));
            String path = concrete(rule.getKey().substring(method.length() + 1));
            boolean open = OPEN.contains(rule.getKey());
            if (SHARED_SECRET.containsKey(rule.getKey())) {
                wrong.addAll(sharedSecretCells(rule.getKey(), method, path, actors));
                continue;
            }
            for (Role role : Role.values()) {
                int status = call(actors.get(role).request(), method, path).statusCode();
                boolean allowed = open || rule.getValue().contains(role);
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(rule.getKey() + " as " + role + ": " + status + (allowed ? " (allowed)" : " (expected 403)"));
                }
            }
            int anonymous = call(given().auth().none(), method, path).statusCode();
            if (open ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(rule.getKey() + " without credentials: " + anonymous + (open ? " (open)" : " (expected 401)"));
            }
        }
        assertThat(wrong).as("cells of the authorization matrix that differ from the rules").isEmpty();
    }

    private static List<String> sharedSecretCells(String operation, String method, String path, Map<Role, Actor> actors) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            int status = call(actors.get(role).request(), method, path).statusCode();
            if (status != 401) {
                wrong.add(operation + " as " + role + " without the secret: " + status + " (expected 401)");
            }
        }
        int withSecret = call(given().auth().none().header("X-Driftproof-Secret", SHARED_SECRET.get(operation)), method, path)
                .statusCode();
        if (withSecret == 401 || withSecret == 403 || withSecret >= 500) {
            wrong.add(operation + " with the secret: " + withSecret + " (allowed)");
        }
        return wrong;
    }

    @Test
    void deniedRequestsAreCounted() {
        double before = denied("authorization") + denied("authentication");
        given().auth().none().get("/api/v1/hosts").then().statusCode(401);
        Actor.create("matrix-counted", Role.AUDITOR.name()).post("/api/v1/users", Map.of()).statusCode(403);
        assertThat(denied("authorization") + denied("authentication")).isGreaterThanOrEqualTo(before + 2);
    }

    private static double denied(String reason) {
        String metrics = Actor.ADMIN.request().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("driftproof_security_denied_total\\{reason=\"" + reason + "\"[^}]*} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static Set<String> operations() {
        JsonPath openapi = given().auth().none().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** The path with every parameter replaced by a value that names nothing stored. */
    private static String concrete(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "hostId" -> "matrix-no-such-host";
                case "key" -> "etc/hosts";
                case "system" -> "jira";
                default -> "999999999";
            };
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }

    private static Response call(RequestSpecification request, String method, String path) {
        boolean csv = path.equals("/api/v1/changes/import");
        RequestSpecification spec = request.contentType(csv ? "text/csv" : ContentType.JSON.toString());
        if (method.equals("POST") || method.equals("PUT")) {
            spec = spec.body(csv ? "" : "{}");
        }
        return spec.request(method, path);
    }
}
