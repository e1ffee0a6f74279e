package io.driftproof.collector.testing;

import io.driftproof.proto.v1.Item;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A host reporting through a {@link TestAgent} whose clock follows the collector's test clock
 * (off by {@code skew}): baselined with openssl 3.0.1 and curl 7.88.1 installed long ago. Close it
 * after the test. */
public record ScenarioHost(String id, TestAgent agent, AgentStream stream, TestClock clock, Duration skew)
        implements AutoCloseable {

    public static ScenarioHost start(TestAgent agent, TestClock clock) {
        return start(agent, clock, Duration.ZERO);
    }

    public static ScenarioHost start(TestAgent agent, TestClock clock, Duration skew) {
        agent.clockOffset(clock.offset().plus(skew));
        Instant longAgo = agent.now().minus(Duration.ofDays(30));
        agent.put(Items.pkg("openssl", "3.0.1", longAgo)).put(Items.pkg("curl", "7.88.1", longAgo));
        AgentStream stream = agent.open();
        stream.hello();
        assertThat(agent.deliver(stream, agent.fullSnapshot()).hasAck()).isTrue();
        return new ScenarioHost(agent.hostId(), agent, stream, clock, skew);
    }

    /** Reports the item (or, with null, just a scan) at the test clock's time. */
    public void change(Item item) {
        if (item != null) {
            agent.put(item);
        }
        agent.clockOffset(clock.offset().plus(skew));
        assertThat(agent.deliver(stream, agent.delta()).hasAck()).isTrue();
    }

    /** A package as installed a minute ago on the host's clock: the evidence time. */
    public Item pkg(String name, String version) {
        agent.clockOffset(clock.offset().plus(skew));
        return Items.pkg(name, version, agent.now().minusSeconds(60));
    }

    @Override
    public void close() {
        stream.close();
    }
}
