package io.driftproof.collector.changes;

import io.driftproof.collector.testing.OnePersonShopProfile;
import io.driftproof.collector.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@QuarkusTest
@TestProfile(OnePersonShopProfile.OnPostgres.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
class OnePersonShopPostgresTest extends OnePersonShop {
}
