package io.driftproof.collector.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the distribution copied to target/keycloak by the build), started in its own
 * process group with realm {@code driftproof} imported from test resources and stopped by its PID.
 * Users: alice (group role dp-approvers), bob (realm role auditor), carol (no role); client
 * {@code driftproof-api} (public, password grant).
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "driftproof";
    public static final String CLIENT = "driftproof-api";
    /** A client whose access tokens live two seconds, for the expired-token test. */
    public static final String SHORT_LIVED_CLIENT = "driftproof-short-lived";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private Process keycloak;
    private Path log;

    @Override
    public Map<String, String> start() {
        try {
            Path home = unpacked();
            Path data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve("import"));
            try (InputStream realm = KeycloakResource.class.getResourceAsStream("/keycloak/driftproof-realm.json")) {
                Files.copy(realm, data.resolve("import/driftproof-realm.json"));
            }
            int port = freePort();
            log = Files.createTempFile("keycloak", ".log");
            ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--import-realm", "--health-enabled=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "keycloak-test-admin");
            keycloak = builder.start();
            String issuer = "http://localhost:" + port + "/realms/" + REALM;
            awaitReady(issuer + "/.well-known/openid-configuration");
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", issuer,
                    "quarkus.oidc.client-id", CLIENT,
                    "driftproof.oidc.role-mapping.\"dp-approvers\"", "APPROVER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
    }

    @Override
    public void stop() {
        if (keycloak == null) {
            return;
        }
        try {
            // kc.sh starts the JVM as a child: stop the whole process group setsid made.
            new ProcessBuilder("kill", "-TERM", "--", "-" + keycloak.pid()).inheritIO().start().waitFor();
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                new ProcessBuilder("kill", "-KILL", "--", "-" + keycloak.pid()).inheritIO().start().waitFor();
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop Keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(String url) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + START_TIMEOUT);
    }

    /** The distribution, unzipped once next to the zip. */
    private static Path unpacked() throws IOException {
        Path zip = Path.of(System.getProperty("keycloak.dist", ""));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at '" + zip + "' (system property keycloak.dist)");
        }
        Path target = zip.resolveSibling("dist");
        Path home;
        try (Stream<Path> entries = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            home = entries.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst().orElse(null);
        }
        if (home != null) {
            return home;
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
        return unpacked();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
