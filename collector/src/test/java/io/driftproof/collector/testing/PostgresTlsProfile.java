package io.driftproof.collector.testing;

import java.util.HashMap;
import java.util.Map;

/** {@link TlsProfile} on PostgreSQL. */
public class PostgresTlsProfile extends PostgresProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(TlsProfile.OVERRIDES);
        return overrides;
    }
}
