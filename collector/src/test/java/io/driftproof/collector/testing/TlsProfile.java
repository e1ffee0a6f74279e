package io.driftproof.collector.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The collector as deployed: agents must use mTLS (no plaintext development mode). Plain HTTP stays
 * served so that a plaintext agent gets the collector's refusal rather than a redirect. */
public class TlsProfile implements QuarkusTestProfile {

    static final Map<String, String> OVERRIDES = Map.of("driftproof.agent.allow-plaintext", "false");

    @Override
    public Map<String, String> getConfigOverrides() {
        return OVERRIDES;
    }
}
