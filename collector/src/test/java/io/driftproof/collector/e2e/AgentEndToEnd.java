package io.driftproof.collector.e2e;

import io.driftproof.collector.testing.CollectorTest;
import io.driftproof.collector.testing.Rows;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real agent jar against the real collector over gRPC: a fake host tree is snapshotted, changed
 * in every way an administrator changes a host, and snapshotted again; the observed changes and
 * diffs the REST API returns must be exactly what was done. Runs once per database.
 */
public abstract class AgentEndToEnd extends CollectorTest {

    @TempDir
    Path work;

    private FakeHost host;
    private Path state;
    private AgentJar agent;

    @BeforeEach
    void buildHost() throws IOException {
        host = new FakeHost(Files.createDirectories(work.resolve("host")));
        state = work.resolve("state");
        agent = AgentJar.plaintext(port());
        host.dpkg("openssl", "3.0.13-1~deb12u1")
                .dpkg("curl", "7.88.1-10+deb12u5")
                .dpkg("vim", "2:9.0.1378-2")
                .write("/etc/ssh/sshd_config", "Port 22\nPermitRootLogin yes\nPasswordAuthentication no\n")
                .write("/etc/hosts", "127.0.0.1 localhost\n")
                .write("/etc/motd", "Authorized use only.\n")
                .write("/etc/crontab", "17 * * * * root cd / && run-parts --report /etc/cron.hourly\n")
                .chmod("/etc/crontab", "rw-r--r--")
                .symlink("/etc/localtime", "/usr/share/zoneinfo/Etc/UTC")
                .write("/etc/firmware.bin", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, 3})
                .write("/etc/ssl/private/server.key", "-----BEGIN PRIVATE KEY-----\nMIIE...\n");
    }

    @Test
    void everyKindOfChangeIsObservedExactlyOnceWithItsDiff() {
        agent.send(host, state);
        JsonPath baseline = getJson("/api/v1/hosts/{id}", host.hostId());
        assertThat(baseline.getString("hostname")).isEqualTo("e2e-" + host.hostId().substring(0, 8));
        assertThat(baseline.getString("os")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(changes()).as("a first snapshot is the baseline").isEmpty();
        assertThat(itemKeys("PACKAGE")).containsExactly("curl:amd64", "openssl:amd64", "vim:amd64");
        assertThat(itemKeys("CONFIG_FILE")).contains("/etc/ssh/sshd_config", "/etc/localtime",
                "/etc/firmware.bin", "/etc/ssl/private/server.key").doesNotContain("/etc/machine-id");

        host.write("/etc/ssh/sshd_config", "Port 22\nPermitRootLogin no\nPasswordAuthentication no\n")
                .write("/etc/sudoers.d/backup", "backup ALL=(root) NOPASSWD: /usr/bin/rsync\n")
                .delete("/etc/motd")
                .chmod("/etc/crontab", "rw-------")
                .symlink("/etc/localtime", "/usr/share/zoneinfo/Europe/Berlin")
                .write("/etc/ssl/private/server.key", "-----BEGIN PRIVATE KEY-----\nMIIF...\n")
                .dpkg("openssl", "3.0.15-1~deb12u1")
                .dpkg("curl", null)
                .dpkg("nginx", "1.22.1-9");
        agent.send(host, state);

        Map<String, JsonPath> byKey = changesByKey();
        assertThat(byKey.keySet()).containsExactlyInAnyOrder(
                "CONFIG_FILE /etc/ssh/sshd_config MODIFIED",
                "CONFIG_FILE /etc/sudoers.d/backup ADDED",
                "CONFIG_FILE /etc/motd REMOVED",
                "CONFIG_FILE /etc/crontab MODIFIED",
                "CONFIG_FILE /etc/localtime MODIFIED",
                "CONFIG_FILE /etc/ssl/private/server.key MODIFIED",
                "PACKAGE openssl:amd64 MODIFIED",
                "PACKAGE curl:amd64 REMOVED",
                "PACKAGE nginx:amd64 ADDED");

        assertThat(diffText(byKey.get("CONFIG_FILE /etc/ssh/sshd_config MODIFIED")))
                .contains("-PermitRootLogin yes", "+PermitRootLogin no").doesNotContain("-Port 22");
        assertThat(diffText(byKey.get("CONFIG_FILE /etc/sudoers.d/backup ADDED")))
                .contains("+backup ALL=(root) NOPASSWD: /usr/bin/rsync");

        JsonPath crontab = byKey.get("CONFIG_FILE /etc/crontab MODIFIED");
        assertThat(crontab.getString("before.mode")).isEqualTo("0644");
        assertThat(crontab.getString("after.mode")).isEqualTo("0600");
        assertThat(crontab.getString("before.sha256")).isEqualTo(crontab.getString("after.sha256"));

        JsonPath localtime = byKey.get("CONFIG_FILE /etc/localtime MODIFIED");
        assertThat(localtime.getString("before.symlinkTarget")).isEqualTo("/usr/share/zoneinfo/Etc/UTC");
        assertThat(localtime.getString("after.symlinkTarget")).isEqualTo("/usr/share/zoneinfo/Europe/Berlin");

        JsonPath key = diffJson(byKey.get("CONFIG_FILE /etc/ssl/private/server.key MODIFIED"));
        assertThat(key.getBoolean("diffAvailable")).isFalse();
        assertThat(key.getString("reason")).containsIgnoringCase("sensitive");
        assertThat(diffText(byKey.get("CONFIG_FILE /etc/ssl/private/server.key MODIFIED"))).doesNotContain("MII");

        JsonPath openssl = byKey.get("PACKAGE openssl:amd64 MODIFIED");
        assertThat(openssl.getString("before.version")).isEqualTo("3.0.13-1~deb12u1");
        assertThat(openssl.getString("after.version")).isEqualTo("3.0.15-1~deb12u1");
        assertThat(byKey.get("PACKAGE nginx:amd64 ADDED").getString("after.version")).isEqualTo("1.22.1-9");
        assertThat(byKey.get("PACKAGE curl:amd64 REMOVED").getString("before.version")).isEqualTo("7.88.1-10+deb12u5");

        for (JsonPath change : byKey.values()) {
            assertThat(change.getString("notBefore")).as("interval start").isNotNull();
            assertThat(change.getString("observedAt")).as("interval end").isNotNull()
                    .isGreaterThanOrEqualTo(change.getString("notBefore"));
            assertThat(change.getString("receivedAt")).endsWith("Z");
        }

        Rows.Counts before = rows.count();
        agent.send(host, state);
        assertThat(changes()).as("an unchanged host adds no observed change").hasSize(byKey.size());
        Rows.Counts after = rows.count();
        assertThat(after.items()).isEqualTo(before.items());
        assertThat(after.observedChanges()).isEqualTo(before.observedChanges());
        assertThat(after.contents()).isEqualTo(before.contents());
    }

    @Test
    void afterTheAgentLosesItsStateTheCollectorDerivesWhatChangedMeanwhile() throws IOException {
        agent.send(host, state);
        deleteTree(state);

        host.write("/etc/hosts", "127.0.0.1 localhost\n10.0.0.5 files.internal\n")
                .delete("/etc/motd")
                .dpkg("vim", "2:9.0.1378-2+deb12u1");
        agent.send(host, state);

        assertThat(changesByKey().keySet()).containsExactlyInAnyOrder(
                "CONFIG_FILE /etc/hosts MODIFIED",
                "CONFIG_FILE /etc/motd REMOVED",
                "PACKAGE vim:amd64 MODIFIED");
        assertThat(diffText(changesByKey().get("CONFIG_FILE /etc/hosts MODIFIED"))).contains("+10.0.0.5 files.internal");
        assertThat(getJson("/api/v1/hosts/{id}", host.hostId()).getLong("lastSeq")).isGreaterThan(1);
    }

    private List<Map<String, Object>> changes() {
        return getJson("/api/v1/hosts/{id}/changes?limit=500", host.hostId()).getList("items");
    }

    private Map<String, JsonPath> changesByKey() {
        JsonPath page = getJson("/api/v1/hosts/{id}/changes?limit=500", host.hostId());
        int n = page.getList("items").size();
        Map<String, JsonPath> byKey = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            JsonPath change = new JsonPath(page.prettify()).setRootPath("items[" + i + "]");
            String id = change.getString("kind") + " " + change.getString("key") + " " + change.getString("action");
            assertThat(byKey.put(id, change)).as("change observed once: " + id).isNull();
        }
        return byKey;
    }

    private List<String> itemKeys(String kind) {
        return getJson("/api/v1/hosts/{id}/items?kind={kind}&limit=500", host.hostId(), kind).getList("items.key");
    }

    private static String diffText(JsonPath change) {
        return given().get("/api/v1/observed-changes/{id}/diff", change.getLong("id"))
                .then().statusCode(200).extract().asString();
    }

    private static JsonPath diffJson(JsonPath change) {
        return getJson("/api/v1/observed-changes/{id}/diff?format=json", change.getLong("id"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
