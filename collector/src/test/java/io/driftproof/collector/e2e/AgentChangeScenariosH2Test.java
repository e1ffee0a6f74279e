package io.driftproof.collector.e2e;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AgentChangeScenariosH2Test extends AgentChangeScenarios {
}
