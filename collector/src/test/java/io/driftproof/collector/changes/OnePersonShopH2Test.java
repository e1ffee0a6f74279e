package io.driftproof.collector.changes;

import io.driftproof.collector.testing.OnePersonShopProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(OnePersonShopProfile.class)
class OnePersonShopH2Test extends OnePersonShop {
}
