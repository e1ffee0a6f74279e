package io.driftproof.collector.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The collector with OIDC sign-in against a real Keycloak ({@link KeycloakResource}). */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
