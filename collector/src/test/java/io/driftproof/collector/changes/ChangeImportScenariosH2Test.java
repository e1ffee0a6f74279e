package io.driftproof.collector.changes;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChangeImportScenariosH2Test extends ChangeImportScenarios {
}
