package io.driftproof.collector.enrollment;

import io.driftproof.collector.testing.PostgresProfile;
import io.driftproof.collector.testing.PostgresTlsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@QuarkusTest
@TestProfile(PostgresTlsProfile.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
class AgentSecurityPostgresTest extends AgentSecurity {
}
