package io.driftproof.collector.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Runs a test class against the PostgreSQL named by DRIFTPROOF_TEST_POSTGRES_URL (user
 * DRIFTPROOF_TEST_POSTGRES_USER, default postgres; password DRIFTPROOF_TEST_POSTGRES_PASSWORD).
 * The database kind is a build-time setting: a test profile re-augments the application, so this
 * is the PostgreSQL build of the collector. Tables live in their own schema, cleaned and migrated
 * at every start, so reruns on the same database are independent.
 */
public class PostgresProfile implements QuarkusTestProfile {

    public static final String URL_VARIABLE = "DRIFTPROOF_TEST_POSTGRES_URL";
    /** Its own schema per checkout (DRIFTPROOF_TEST_POSTGRES_SCHEMA) keeps parallel runs on one database apart. */
    private static final String SCHEMA = env("DRIFTPROOF_TEST_POSTGRES_SCHEMA", "driftproof_test");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", env(URL_VARIABLE, ""),
                "quarkus.datasource.username", env("DRIFTPROOF_TEST_POSTGRES_USER", "postgres"),
                "quarkus.datasource.password", env("DRIFTPROOF_TEST_POSTGRES_PASSWORD", ""),
                "quarkus.flyway.schemas", SCHEMA,
                "quarkus.hibernate-orm.database.default-schema", SCHEMA,
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
