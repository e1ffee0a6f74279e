package io.driftproof.collector.e2e;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AgentEndToEndH2Test extends AgentEndToEnd {
}
