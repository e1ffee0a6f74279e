package io.driftproof.collector.ingest;

import io.driftproof.collector.testing.AgentStream;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.Rows;
import io.driftproof.collector.testing.TestAgent;
import io.driftproof.proto.v1.CollectorMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage grows with changes, not with snapshots. */
public abstract class StorageGrowth extends CollectorTest {

    private static final int PACKAGES = 1_000;
    private static final int FILES = 1_000;
    private static final int SNAPSHOTS = 100;

    @Test
    void unchangedSnapshotsAddNoRows() {
        TestAgent agent = newAgent();
        Instant mtime = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < PACKAGES; i++) {
            agent.put(Items.pkg("package-" + i, "1." + i));
        }
        for (int i = 0; i < FILES; i++) {
            String text = "setting-" + i + " = " + (i % 7) + "\n";
            agent.putFile(Items.textFile("/etc/app/conf-" + i + ".conf", text, mtime), text);
        }
        try (AgentStream stream = agent.open()) {
            stream.hello();
            assertThat(agent.deliver(stream, agent.fullSnapshot()).hasAck()).isTrue();
            Rows.Counts afterBaseline = rows.count();

            // What an agent sends for a host where nothing changes: mostly empty deltas, and now
            // and then a full snapshot (after a restart, say) carrying every item again.
            for (int i = 0; i < SNAPSHOTS; i++) {
                CollectorMessage reply = agent.deliver(stream, i % 10 == 9 ? agent.fullSnapshot() : agent.delta());
                assertThat(reply.getAck().getDuplicate()).isFalse();
            }
            assertThat(rows.count()).isEqualTo(afterBaseline);
        }
        assertThat(getJson("/api/v1/hosts/{id}", agent.hostId()).getLong("lastSeq")).isEqualTo(1 + SNAPSHOTS);
        assertThat(getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getInt("total")).isZero();
    }

    @Test
    void contentSharedByHostsIsStoredOnce() {
        String text = "PermitRootLogin no\n";
        Rows.Counts before = rows.count();
        for (int host = 0; host < 3; host++) {
            TestAgent agent = newAgent().putFile(Items.textFile("/etc/ssh/sshd_config", text, Instant.now()), text);
            try (AgentStream stream = agent.open()) {
                stream.hello();
                assertThat(agent.deliver(stream, agent.fullSnapshot()).hasAck()).isTrue();
            }
        }
        Rows.Counts after = rows.count();
        assertThat(after.contents() - before.contents()).isLessThanOrEqualTo(1);
        assertThat(after.items() - before.items()).isEqualTo(3);
    }
}
