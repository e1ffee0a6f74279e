package io.driftproof.collector.security;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiAccessH2Test extends ApiAccess {
}
