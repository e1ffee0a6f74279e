package io.driftproof.collector.integrations;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntegrationScenariosH2Test extends IntegrationScenarios {
}
