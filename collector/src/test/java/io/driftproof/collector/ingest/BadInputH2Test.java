package io.driftproof.collector.ingest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputH2Test extends BadInput {
}
