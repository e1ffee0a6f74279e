package io.driftproof.collector.enrollment;

import io.driftproof.collector.testing.TlsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TlsProfile.class)
class AgentSecurityH2Test extends AgentSecurity {
}
