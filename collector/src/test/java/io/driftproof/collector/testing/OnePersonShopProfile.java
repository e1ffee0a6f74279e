package io.driftproof.collector.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/** An organisation with one IT person: driftproof.policy.one-person-shop=true, on H2. */
public class OnePersonShopProfile implements QuarkusTestProfile {

    static final Map<String, String> ONE_PERSON_SHOP = Map.of("driftproof.policy.one-person-shop", "true");

    @Override
    public Map<String, String> getConfigOverrides() {
        return ONE_PERSON_SHOP;
    }

    /** The same on the PostgreSQL build. */
    public static class OnPostgres extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(ONE_PERSON_SHOP);
            return overrides;
        }
    }
}
