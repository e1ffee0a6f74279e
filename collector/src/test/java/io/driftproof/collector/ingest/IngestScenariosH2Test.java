package io.driftproof.collector.ingest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IngestScenariosH2Test extends IngestScenarios {

    @Override
    protected String expectedDatabase() {
        return "H2";
    }
}
