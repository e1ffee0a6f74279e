package io.driftproof.collector.changes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChangeScenariosH2Test extends ChangeScenarios {
}
