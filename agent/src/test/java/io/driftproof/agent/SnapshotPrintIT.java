package io.driftproof.agent;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.driftproof.agent.collect.HostCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the shaded agent jar as a process: {@code snapshot --print} on a fake host tree and on this machine. */
class SnapshotPrintIT {

    private static final Path JAR = Path.of(System.getProperty("driftproof.agent.jar", "target/driftproof-agent.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path tree;
    @TempDir
    Path state;

    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeEach
    void fakeHost() throws Exception {
        write("/etc/hostname", "it-host\n");
        write("/etc/machine-id", "0123456789abcdef0123456789abcdef\n");
        write("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
        write("/etc/group", "root:x:0:\n");
        write("/etc/hosts", "127.0.0.1 localhost\n");
        write("/etc/motd", "welcome\n");
        write("/etc/app.conf", "level = info\n");
        write("/etc/ssh/ssh_host_rsa_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n");
        Files.write(path("/etc/magic.mgc"), new byte[] {0x1c, 0x04, 0x1e, (byte) 0xf1, 0, 0, 0, 0x12});
        Files.createSymbolicLink(path("/etc/localtime"), Path.of("/usr/share/zoneinfo/Europe/Berlin"));
        Files.createSymbolicLink(path("/etc/resolv.conf"), Path.of("/run/systemd/resolve/stub-resolv.conf"));
        exec(List.of("mkfifo", path("/etc/initctl").toString()));
        exec(List.of("sh", "-c", "touch \"$1/etc/bad$(printf '\\377')name\"", "sh", tree.toString()));
        write("/var/lib/dpkg/status", status("3.0.15-1~deb12u1"));
        write("/var/lib/dpkg/info/openssl.list", "/.\n/usr/bin/openssl\n");
        Files.setLastModifiedTime(path("/var/lib/dpkg/info/openssl.list"), FileTime.from(Instant.parse("2025-01-10T09:00:00Z")));
        write("/sys/class/dmi/id/bios_vendor", "SeaBIOS\n");
        write("/sys/class/dmi/id/bios_version", "1.16.2-debian-1.16.2-1\n");
        write("/sys/class/dmi/id/bios_date", "04/01/2014\n");
        write("/sys/class/dmi/id/sys_vendor", "QEMU\n");
        write("/sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n");
    }

    private static String status(String opensslVersion) {
        return """
                Package: openssl
                Status: install ok installed
                Architecture: amd64
                Version: %s
                Description: Secure Sockets Layer toolkit
                 cryptographic utility

                Package: libc6
                Status: install ok installed
                Architecture: amd64
                Multi-Arch: same
                Version: 2.36-9+deb12u10

                Package: libc6
                Status: install ok installed
                Architecture: i386
                Multi-Arch: same
                Version: 2.36-9+deb12u10

                Package: vim-tiny
                Status: deinstall ok config-files
                Architecture: amd64
                Version: 2:9.0.1378-2
                """.formatted(opensslVersion);
    }

    @Test
    void printsTheFakeHostItemByItemAndThenExactlyItsChanges() throws Exception {
        JsonObject first = snapshot();

        assertThat(first.getAsJsonObject("host").get("hostname").getAsString()).isEqualTo("it-host");
        assertThat(first.getAsJsonObject("host").get("id").getAsString()).isEqualTo("0123456789abcdef0123456789abcdef");
        Map<String, JsonObject> items = items(first);
        assertThat(items.keySet()).allSatisfy(k -> assertThat(k).doesNotContain(tree.toString()));

        JsonObject openssl = items.get("PACKAGE openssl:amd64");
        assertThat(openssl.get("name").getAsString()).isEqualTo("openssl");
        assertThat(openssl.get("version").getAsString()).isEqualTo("3.0.15-1~deb12u1");
        assertThat(openssl.get("arch").getAsString()).isEqualTo("amd64");
        assertThat(openssl.get("manager").getAsString()).isEqualTo("dpkg");
        assertThat(openssl.get("installedAt").getAsString()).isEqualTo("2025-01-10T09:00:00Z");
        assertThat(items).containsKeys("PACKAGE libc6:amd64", "PACKAGE libc6:i386").doesNotContainKey("PACKAGE vim-tiny:amd64");

        JsonObject hosts = items.get("CONFIG_FILE /etc/hosts");
        assertThat(hosts.get("path").getAsString()).isEqualTo("/etc/hosts");
        assertThat(hosts.get("type").getAsString()).isEqualTo("file");
        assertThat(hosts.get("sha256").getAsString()).isEqualTo(sha256("/etc/hosts"));
        assertThat(hosts.get("size").getAsLong()).isEqualTo(20);
        assertThat(hosts.get("owner").getAsString()).isEqualTo("root");
        assertThat(hosts.get("content").getAsString()).isEqualTo("captured");
        assertThat(hosts.get("contentCaptured").getAsBoolean()).isTrue();

        JsonObject localtime = items.get("CONFIG_FILE /etc/localtime");
        assertThat(localtime.get("type").getAsString()).isEqualTo("symlink");
        assertThat(localtime.get("target").getAsString()).isEqualTo("/usr/share/zoneinfo/Europe/Berlin");
        assertThat(localtime.has("sha256")).isFalse();

        JsonObject magic = items.get("CONFIG_FILE /etc/magic.mgc");
        assertThat(magic.get("sha256").getAsString()).isEqualTo(sha256("/etc/magic.mgc"));
        assertThat(magic.get("content").getAsString()).isEqualTo("binary");
        assertThat(magic.get("contentCaptured").getAsBoolean()).isFalse();

        JsonObject key = items.get("CONFIG_FILE /etc/ssh/ssh_host_rsa_key");
        assertThat(key.get("sha256").getAsString()).isEqualTo(sha256("/etc/ssh/ssh_host_rsa_key"));
        assertThat(key.get("content").getAsString()).isEqualTo("sensitive");
        assertThat(key.get("contentCaptured").getAsBoolean()).isFalse();

        assertThat(items).doesNotContainKey("CONFIG_FILE /etc/initctl");
        assertThat(items.get("FIRMWARE bios").get("version").getAsString()).isEqualTo("1.16.2-debian-1.16.2-1");
        assertThat(items.get("FIRMWARE bios").get("releaseDate").getAsString()).isEqualTo("2014-04-01");
        assertThat(items.get("FIRMWARE system").get("name").getAsString()).isEqualTo("Standard PC (Q35 + ICH9, 2009)");

        JsonArray errors = first.getAsJsonArray("errors");
        assertThat(errors).hasSize(1);
        JsonObject error = errors.get(0).getAsJsonObject();
        assertThat(error.get("collector").getAsString()).isEqualTo("config_files");
        assertThat(error.get("path").getAsString()).startsWith("/etc/bad");
        assertThat(error.get("message").getAsString()).isEqualTo("file name is not valid UTF-8; skipped");

        // edit, add, delete, chmod, retarget a symlink, upgrade a package
        write("/etc/hosts", "127.0.0.1 localhost\n10.0.0.5 db\n");
        write("/etc/new.conf", "new = yes\n");
        Files.delete(path("/etc/motd"));
        Files.setPosixFilePermissions(path("/etc/app.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.delete(path("/etc/resolv.conf"));
        Files.createSymbolicLink(path("/etc/resolv.conf"), Path.of("/etc/resolv.conf.manual"));
        write("/var/lib/dpkg/status", status("3.0.17-1~deb12u2"));

        Map<String, JsonObject> after = items(snapshot());

        Set<String> added = new TreeSet<>(after.keySet());
        added.removeAll(items.keySet());
        Set<String> removed = new TreeSet<>(items.keySet());
        removed.removeAll(after.keySet());
        Set<String> modified = new TreeSet<>();
        for (String k : after.keySet()) {
            if (items.containsKey(k) && !items.get(k).equals(after.get(k))) {
                modified.add(k);
            }
        }
        assertThat(added).containsExactly("CONFIG_FILE /etc/new.conf");
        assertThat(removed).containsExactly("CONFIG_FILE /etc/motd");
        assertThat(modified).containsExactly("CONFIG_FILE /etc/app.conf", "CONFIG_FILE /etc/hosts",
                "CONFIG_FILE /etc/resolv.conf", "PACKAGE openssl:amd64");
        assertThat(after.get("CONFIG_FILE /etc/hosts").get("sha256").getAsString()).isEqualTo(sha256("/etc/hosts"));
        assertThat(after.get("CONFIG_FILE /etc/app.conf").get("mode").getAsString()).isEqualTo("0600");
        assertThat(after.get("CONFIG_FILE /etc/resolv.conf").get("target").getAsString()).isEqualTo("/etc/resolv.conf.manual");
        assertThat(after.get("PACKAGE openssl:amd64").get("version").getAsString()).isEqualTo("3.0.17-1~deb12u2");
    }

    @Test
    void aBadFlagExitsTwoWithOneLineOnStderr() throws Exception {
        Run run = agent(List.of("snapshot", "--print", "--no-such-flag"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().strip().lines()).singleElement().asString().contains("--no-such-flag");
    }

    @Test
    void aFileTheAgentCannotReadIsAnErrorAndTheRestIsScanned() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(!root || Files.isExecutable(setpriv), "running as root without setpriv to drop privileges");
        write("/etc/locked.conf", "only root may read this\n");
        Files.setPosixFilePermissions(path("/etc/locked.conf"), PosixFilePermissions.fromString("---------"));
        // as root, the scan runs as nobody: root reads any file, whatever its mode
        List<String> asNobody = root
                ? List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups")
                : List.of();
        Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command = new ArrayList<>(asNobody);
        command.addAll(List.of(JAVA.toString(), "-jar", JAR.toString(), "snapshot", "--print", "--root", tree.toString(),
                "--state-dir", state.resolve("agent").toString(), "--collectors", "config_files"));
        Run run = exec(command);

        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonObject snapshot = JsonParser.parseString(run.stdout()).getAsJsonObject();
        Map<String, JsonObject> items = items(snapshot);
        assertThat(items).containsKey("CONFIG_FILE /etc/hosts").doesNotContainKey("CONFIG_FILE /etc/locked.conf");
        List<String> errors = new ArrayList<>();
        for (JsonElement e : snapshot.getAsJsonArray("errors")) {
            errors.add(e.getAsJsonObject().get("path").getAsString() + ": " + e.getAsJsonObject().get("message").getAsString());
        }
        assertThat(errors).contains("/etc/locked.conf: cannot read: permission denied");
        // the state directory was not writable for the scan: it ran without a cache
        assertThat(state.resolve("agent")).doesNotExist();
    }

    @Test
    void onThisMachineTheDefaultsListEveryInstalledDpkgPackage() throws Exception {
        var dpkgQuery = HostCommand.find("dpkg-query");
        assumeTrue(dpkgQuery.isPresent(), "not a Debian-family host");
        String query = new String(HostCommand.run(List.of(dpkgQuery.get().toString(), "-W", "-f",
                "${db:Status-Abbrev} ${Package}:${Architecture} ${Version}\\n"), Duration.ofSeconds(60)), StandardCharsets.UTF_8);
        Set<String> installed = new TreeSet<>();
        query.lines().filter(l -> l.length() > 4 && l.charAt(1) == 'i').forEach(l -> installed.add(l.substring(4)));

        Run run = agent(List.of("snapshot", "--print", "--state-dir", state.toString()));

        assertThat(run.exit()).as(run.stderr()).isZero();
        Set<String> packages = new HashSet<>();
        for (JsonObject item : items(JsonParser.parseString(run.stdout()).getAsJsonObject()).values()) {
            if (item.get("kind").getAsString().equals("PACKAGE")) {
                packages.add(item.get("key").getAsString() + " " + item.get("version").getAsString());
            }
        }
        assertThat(installed).isNotEmpty();
        assertThat(packages).containsExactlyInAnyOrderElementsOf(installed);
    }

    private JsonObject snapshot() throws Exception {
        Run run = agent(List.of("snapshot", "--print", "--root", tree.toString(), "--state-dir", state.toString()));
        assertThat(run.exit()).as(run.stderr()).isZero();
        return JsonParser.parseString(run.stdout()).getAsJsonObject();
    }

    private static Map<String, JsonObject> items(JsonObject snapshot) {
        Map<String, JsonObject> items = new TreeMap<>();
        for (JsonElement e : snapshot.getAsJsonArray("items")) {
            JsonObject item = e.getAsJsonObject();
            items.put(item.get("kind").getAsString() + " " + item.get("key").getAsString(), item);
        }
        return items;
    }

    private static Run agent(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return exec(command);
    }

    private static Run exec(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LANG", "C.UTF-8");
        Path out = Files.createTempFile("agent-out", ".txt");
        Path err = Files.createTempFile("agent-err", ".txt");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Path path(String hostPath) {
        return tree.resolve(hostPath.substring(1));
    }

    private void write(String hostPath, String content) throws IOException {
        Path file = path(hostPath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String sha256(String hostPath) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path(hostPath))));
    }
}
