package io.driftproof.collector.ingest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StorageGrowthH2Test extends StorageGrowth {
}
