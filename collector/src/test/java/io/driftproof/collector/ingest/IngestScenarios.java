package io.driftproof.collector.ingest;

import io.driftproof.collector.testing.AgentStream;
import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Items;
import io.driftproof.collector.testing.Rows;
import io.driftproof.collector.testing.TestAgent;
import io.driftproof.proto.v1.CollectorMessage;
import io.driftproof.proto.v1.Delta;
import io.driftproof.proto.v1.ItemKind;
import io.driftproof.proto.v1.Welcome;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Ingest over real gRPC, checked through the REST API; run once per database. */
public abstract class IngestScenarios extends CollectorTest {

    protected abstract String expectedDatabase();

    @Test
    void runsOnTheExpectedDatabase() {
        assertThat(rows.databaseProduct()).isEqualTo(expectedDatabase());
    }

    @Test
    void firstFullSnapshotIsTheBaselineAndCreatesNoObservedChanges() {
        TestAgent agent = newAgent();
        baselineItems(agent, Instant.now().minus(Duration.ofDays(30)));
        try (AgentStream stream = agent.open()) {
            Welcome welcome = stream.hello();
            assertThat(welcome.getLastSeq()).isZero();
            assertThat(welcome.getManifestDigest().isEmpty()).isTrue();
            CollectorMessage reply = agent.deliver(stream, agent.fullSnapshot());
            assertThat(reply.getAck().getSeq()).isEqualTo(1);
            assertThat(reply.getAck().getDuplicate()).isFalse();
        }
        JsonPath host = getJson("/api/v1/hosts/{id}", agent.hostId());
        assertThat(host.getLong("lastSeq")).isEqualTo(1);
        assertThat(host.getLong("baselineSeq")).isEqualTo(1);
        assertThat(host.getInt("itemCount")).isEqualTo(agent.itemCount());
        assertThat(host.getString("hostname")).isEqualTo(agent.hostId() + ".example.test");
        assertThat(host.getString("manifestDigest")).isEqualTo(agent.digest().toHex());
        assertThat(getJson("/api/v1/hosts/{id}/items", agent.hostId()).getInt("total")).isEqualTo(agent.itemCount());
        assertThat(getJson("/api/v1/hosts/{id}/items?kind=PACKAGE", agent.hostId()).getList("items.key"))
                .containsExactly("curl:amd64", "openssl:amd64");
        assertThat(getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getInt("total")).isZero();

        try (AgentStream again = agent.open()) {
            Welcome welcome = again.hello();
            assertThat(welcome.getLastSeq()).isEqualTo(1);
            assertThat(welcome.getManifestDigest().toByteArray()).isEqualTo(agent.digest().toBytes());
        }
    }

    @Test
    void everyKindOfEditBecomesExactlyOneObservedChangeWithItsDiff() {
        TestAgent agent = newAgent();
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        baselineItems(agent, longAgo);
        Instant baselineScan;
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            baselineScan = Instant.parse(getJson("/api/v1/hosts/{id}", agent.hostId()).getString("lastObservedAt"));

            Instant editTime = Instant.now();
            agent.putFile(Items.textFile("/etc/app.conf", "a\nB\nc\nd\n", editTime), "a\nB\nc\nd\n")
                    .put(Items.file(Items.textFile("/etc/mode.conf", "x=1\n", longAgo).setMode(0600)))
                    .put(Items.file(Items.symlink("/etc/alternatives/editor", "/usr/bin/nano")))
                    .put(Items.pkg("openssl", "3.0.2", editTime))
                    .remove(ItemKind.PACKAGE, "curl:amd64")
                    .put(Items.pkg("vim", "9.0"))
                    .putFile(Items.textFile("/etc/new.conf", "first\nversion\n", editTime), "first\nversion\n")
                    .remove(ItemKind.CONFIG_FILE, "/etc/old.conf")
                    .put(Items.file(Items.sensitiveFile("/etc/shadow", "root:$6$new")))
                    .put(Items.firmware("bios", "1.2"));
            CollectorMessage reply = agent.deliver(stream, agent.delta());
            assertThat(reply.hasAck()).as("reply %s", reply).isTrue();
        }

        List<Map<String, Object>> changes = getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getList("items");
        Map<String, String> actions = changes.stream().collect(Collectors.toMap(
                c -> c.get("kind") + " " + c.get("key"), c -> (String) c.get("action")));
        assertThat(actions).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CONFIG_FILE /etc/app.conf", "MODIFIED",
                "CONFIG_FILE /etc/mode.conf", "MODIFIED",
                "CONFIG_FILE /etc/alternatives/editor", "MODIFIED",
                "PACKAGE openssl:amd64", "MODIFIED",
                "PACKAGE curl:amd64", "REMOVED",
                "PACKAGE vim:amd64", "ADDED",
                "CONFIG_FILE /etc/new.conf", "ADDED",
                "CONFIG_FILE /etc/old.conf", "REMOVED",
                "CONFIG_FILE /etc/shadow", "MODIFIED",
                "FIRMWARE bios", "MODIFIED"));

        Map<String, Object> edit = change(changes, "/etc/app.conf");
        Instant notBefore = Instant.parse((String) edit.get("notBefore"));
        Instant observedAt = Instant.parse((String) edit.get("observedAt"));
        // The previous scan, corrected with the skew measured since: equal within its uncertainty.
        long uncertainty = getJson("/api/v1/hosts/{id}", agent.hostId()).getLong("clockSkew.uncertaintyMs");
        assertThat(Duration.between(baselineScan, notBefore).abs().toMillis()).as("notBefore vs the previous scan")
                .isLessThanOrEqualTo(uncertainty + 2);
        assertThat(notBefore).isBefore(observedAt);
        assertThat(Instant.parse((String) edit.get("evidenceTime"))).isBetween(notBefore, observedAt);
        assertThat(edit.get("receivedAt")).isNotNull();
        assertThat(edit.get("status")).as("no change record explains it").isEqualTo("UNAUTHORIZED");
        assertThat(edit.get("changeRecordId")).isNull();
        assertThat(change(changes, "/etc/mode.conf").get("evidenceTime")).as("mtime/ctime of 30 days ago").isNull();

        String unified = diffText(edit);
        assertThat(unified).contains("--- a/etc/app.conf", "+++ b/etc/app.conf", "-b", "+B", "+d", " a");
        JsonPath structured = diffJson(edit);
        assertThat(structured.getBoolean("diffAvailable")).isTrue();
        assertThat(structured.getList("hunks.lines.flatten().type", String.class))
                .containsExactly("context", "removed", "added", "context", "added");
        assertThat(structured.getList("hunks[0].lines.findAll { it.type == 'added' }.newNumber", Integer.class))
                .containsExactly(2, 4);

        JsonPath mode = diffJson(change(changes, "/etc/mode.conf"));
        assertThat(mode.getBoolean("diffAvailable")).isFalse();
        assertThat(mode.getString("reason")).isEqualTo("content unchanged");
        assertThat(mode.getList("attributes")).hasSize(1);
        assertThat(mode.getString("attributes[0].name")).isEqualTo("mode");
        assertThat(mode.getString("attributes[0].before")).isEqualTo("0644");
        assertThat(mode.getString("attributes[0].after")).isEqualTo("0600");

        JsonPath link = diffJson(change(changes, "/etc/alternatives/editor"));
        assertThat(link.getString("attributes.find { it.name == 'symlinkTarget' }.before")).isEqualTo("/usr/bin/vim.basic");
        assertThat(link.getString("attributes.find { it.name == 'symlinkTarget' }.after")).isEqualTo("/usr/bin/nano");
        assertThat(link.getString("reason")).isEqualTo("symlink: no content");

        JsonPath upgrade = diffJson(change(changes, "openssl:amd64"));
        assertThat(upgrade.getString("attributes.find { it.name == 'version' }.before")).isEqualTo("3.0.1");
        assertThat(upgrade.getString("attributes.find { it.name == 'version' }.after")).isEqualTo("3.0.2");
        assertThat(diffText(change(changes, "openssl:amd64"))).contains("# version: 3.0.1 -> 3.0.2");
        assertThat(change(changes, "openssl:amd64").get("evidenceTime")).as("installed_at lies in the interval").isNotNull();

        JsonPath removedPackage = diffJson(change(changes, "curl:amd64"));
        assertThat(removedPackage.getString("attributes.find { it.name == 'version' }.before")).isEqualTo("7.88.1");
        assertThat(removedPackage.getString("attributes.find { it.name == 'version' }.after")).isNull();

        assertThat(diffText(change(changes, "/etc/new.conf"))).contains("--- /dev/null", "+++ b/etc/new.conf", "+first", "+version");

        JsonPath shadow = diffJson(change(changes, "/etc/shadow"));
        assertThat(shadow.getBoolean("diffAvailable")).isFalse();
        assertThat(shadow.getString("reason")).isEqualTo("sensitive: content is never collected");
        assertThat(diffText(change(changes, "/etc/shadow"))).doesNotContain("root:$6$");

        JsonPath firmware = diffJson(change(changes, "bios"));
        assertThat(firmware.getString("attributes.find { it.name == 'version' }.after")).isEqualTo("1.2");

        Map<String, Object> removed = change(changes, "/etc/old.conf");
        assertThat(removed.get("after")).isNull();
        assertThat(((Map<?, ?>) removed.get("before")).get("path")).isEqualTo("/etc/old.conf");

        // The file as of the baseline and as of now; the path URL-encoded or as segments.
        String atBaseline = baselineScan.plusMillis(1).toString();
        given().get("/api/v1/hosts/{id}/items/{key}/content?at=" + atBaseline, agent.hostId(), "/etc/app.conf")
                .then().statusCode(200).body(equalTo("a\nb\nc\n"));
        given().urlEncodingEnabled(false).get("/api/v1/hosts/" + agent.hostId() + "/items/etc/app.conf/content")
                .then().statusCode(200).body(equalTo("a\nB\nc\nd\n"));
        given().get("/api/v1/hosts/{id}/items/{key}/content?at=" + atBaseline, agent.hostId(), "/etc/new.conf")
                .then().statusCode(404);
    }

    @Test
    void digestMismatchAsksForResyncAndTheFullSnapshotReconcilesAgainstStoredState() {
        TestAgent agent = newAgent();
        baselineItems(agent, Instant.now().minus(Duration.ofDays(3)));
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            Rows.Counts before = rows.count();
            String stateBefore = getJson("/api/v1/hosts/{id}/items", agent.hostId()).prettify();

            agent.put(Items.pkg("openssl", "3.0.9"));
            CollectorMessage reply = stream.send(agent.delta().setManifestDigest(
                    com.google.protobuf.ByteString.copyFrom(new byte[32])).build());
            assertThat(reply.hasResync()).isTrue();
            assertThat(reply.getResync().getReason()).contains("manifest digest mismatch");
            assertThat(reply.getResync().getLastSeq()).isEqualTo(1);
            assertThat(rows.count()).isEqualTo(before);
            assertThat(getJson("/api/v1/hosts/{id}/items", agent.hostId()).prettify()).isEqualTo(stateBefore);

            // Meanwhile the host changed more; the full snapshot tells the collector everything.
            agent.remove(ItemKind.PACKAGE, "curl:amd64").put(Items.pkg("tmux", "3.3"));
            CollectorMessage full = agent.deliver(stream, agent.fullSnapshot());
            assertThat(full.getAck().getSeq()).isEqualTo(3);
        }
        JsonPath changes = getJson("/api/v1/hosts/{id}/changes", agent.hostId());
        assertThat(changes.getList("items", Map.class).stream().map(c -> c.get("action") + " " + c.get("key")))
                .containsExactlyInAnyOrder("MODIFIED openssl:amd64", "REMOVED curl:amd64", "ADDED tmux:amd64");
        JsonPath host = getJson("/api/v1/hosts/{id}", agent.hostId());
        assertThat(Instant.parse(changes.getString("items[0].notBefore"))).as("the last snapshot the collector applied")
                .isEqualTo(Instant.parse(host.getString("baselineAt")));
        assertThat(host.getString("manifestDigest")).isEqualTo(agent.digest().toHex());
        assertThat(host.getLong("lastSeq")).isEqualTo(3);
    }

    @Test
    void sequenceGapAsksForResync() {
        TestAgent agent = newAgent();
        baselineItems(agent, Instant.now());
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            agent.delta();
            agent.put(Items.pkg("openssl", "3.1.0"));
            CollectorMessage reply = agent.deliver(stream, agent.delta().setBaseSeq(2));
            assertThat(reply.getResync().getReason()).contains("sequence gap").contains("last snapshot applied is 1");
            assertThat(agent.deliver(stream, agent.fullSnapshot()).getAck().getSeq()).isEqualTo(4);
        }
        assertThat(getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getList("items.key")).containsExactly("openssl:amd64");
    }

    @Test
    void incrementalDeltaWithoutBaselineAsksForResync() {
        TestAgent agent = newAgent();
        agent.put(Items.pkg("bash", "5.2"));
        try (AgentStream stream = agent.open()) {
            stream.hello();
            CollectorMessage reply = stream.send(agent.delta().build());
            assertThat(reply.getResync().getReason()).contains("full snapshot");
            assertThat(reply.getResync().getLastSeq()).isZero();
        }
    }

    @Test
    void redeliveredDeltaIsAcknowledgedAsDuplicateAndChangesNothing() {
        TestAgent agent = newAgent();
        baselineItems(agent, Instant.now());
        Delta second;
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            agent.put(Items.pkg("openssl", "3.0.5"));
            second = agent.delta().build();
            assertThat(stream.send(second).getAck().getDuplicate()).isFalse();
        }
        Rows.Counts before = rows.count();
        try (AgentStream stream = agent.open()) {
            assertThat(stream.hello().getLastSeq()).isEqualTo(2);
            CollectorMessage reply = stream.send(second);
            assertThat(reply.getAck().getSeq()).isEqualTo(2);
            assertThat(reply.getAck().getDuplicate()).isTrue();
        }
        assertThat(rows.count()).isEqualTo(before);
        assertThat(getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getInt("total")).isEqualTo(1);
    }

    @Test
    void deltaSplitIntoPartsIsAppliedTogether() {
        TestAgent agent = newAgent();
        baselineItems(agent, Instant.now());
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            agent.put(Items.pkg("a", "1")).put(Items.pkg("b", "1")).put(Items.pkg("c", "1"));
            Delta whole = agent.delta().build();
            stream.sendPart(whole.toBuilder().clearChanges().addChanges(whole.getChanges(0)).setMore(true).build());
            stream.sendPart(whole.toBuilder().clearChanges().addChanges(whole.getChanges(1)).setMore(true).build());
            CollectorMessage reply = stream.send(whole.toBuilder().clearChanges().addChanges(whole.getChanges(2)).build());
            assertThat(reply.getAck().getSeq()).isEqualTo(2);
        }
        assertThat(getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getList("items.key"))
                .containsExactlyInAnyOrder("a:amd64", "b:amd64", "c:amd64");
    }

    @Test
    void clockSkewIsMeasuredAndCorrectsObservedTimes() {
        TestAgent agent = newAgent().clockOffset(Duration.ofMinutes(5));
        baselineItems(agent, Instant.now());
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
            agent.put(Items.pkg("openssl", "3.0.7"));
            agent.deliver(stream, agent.delta());
        }
        JsonPath host = getJson("/api/v1/hosts/{id}", agent.hostId());
        long skew = host.getLong("clockSkew.skewMs");
        long uncertainty = host.getLong("clockSkew.uncertaintyMs");
        assertThat(skew).isBetween(300_000 - uncertainty - 50, 300_000 + uncertainty + 50);
        assertThat(host.getString("clockSkew.measuredAt")).endsWith("Z");

        Map<String, Object> change = getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getMap("items[0]");
        Instant observed = Instant.parse((String) change.get("observedAt"));
        Instant raw = Instant.parse((String) change.get("observedAtAgent"));
        assertThat(Duration.between(observed, raw).toMillis()).isEqualTo(skew);
        assertThat(observed).isBefore(Instant.parse((String) change.get("receivedAt")).plusSeconds(1));
    }

    /** Two streams of one host deliver the same delta at once (as two collector replicas
     * would receive it): the host row lock lets one apply it and the other see a duplicate. */
    @Test
    void concurrentDeliveriesOfOneDeltaApplyItOnce() throws Exception {
        TestAgent agent = newAgent();
        baselineItems(agent, Instant.now());
        try (AgentStream stream = agent.open()) {
            stream.hello();
            agent.deliver(stream, agent.fullSnapshot());
        }
        agent.put(Items.pkg("openssl", "3.0.8")).put(Items.pkg("zsh", "5.9"));
        Delta delta = agent.delta().build();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<CollectorMessage>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(pool.submit(() -> {
                    try (AgentStream stream = agent.open()) {
                        stream.hello();
                        return stream.send(delta);
                    }
                }));
            }
            long duplicates = 0;
            for (var reply : replies) {
                CollectorMessage message = reply.get();
                assertThat(message.getAck().getSeq()).as("reply %s", message).isEqualTo(2);
                duplicates += message.getAck().getDuplicate() ? 1 : 0;
            }
            assertThat(duplicates).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(getJson("/api/v1/hosts/{id}/changes", agent.hostId()).getList("items.key"))
                .containsExactlyInAnyOrder("openssl:amd64", "zsh:amd64");
    }

    /** Two packages, firmware, three text files, a symlink and a sensitive file. */
    static void baselineItems(TestAgent agent, Instant mtime) {
        agent.put(Items.pkg("openssl", "3.0.1"))
                .put(Items.pkg("curl", "7.88.1"))
                .put(Items.firmware("bios", "1.0"))
                .putFile(Items.textFile("/etc/app.conf", "a\nb\nc\n", mtime), "a\nb\nc\n")
                .putFile(Items.textFile("/etc/mode.conf", "x=1\n", mtime), "x=1\n")
                .putFile(Items.textFile("/etc/old.conf", "old\n", mtime), "old\n")
                .put(Items.file(Items.symlink("/etc/alternatives/editor", "/usr/bin/vim.basic")))
                .put(Items.file(Items.sensitiveFile("/etc/shadow", "root:$6$old")));
    }

    private static Map<String, Object> change(List<Map<String, Object>> changes, String key) {
        return changes.stream().filter(c -> key.equals(c.get("key"))).findFirst().orElseThrow();
    }

    private static String diffText(Map<String, Object> change) {
        return given().get("/api/v1/observed-changes/{id}/diff", change.get("id")).then().statusCode(200)
                .contentType("text/plain").extract().asString();
    }

    private static JsonPath diffJson(Map<String, Object> change) {
        return getJson("/api/v1/observed-changes/{id}/diff?format=json", change.get("id"));
    }
}
