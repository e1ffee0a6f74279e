package io.driftproof.collector.api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RestApiH2Test extends RestApi {
}
