package io.driftproof.collector.distribution;

import io.driftproof.collector.testing.PostgresProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged distribution as an operator uses it: a copy of quarkus-app started through its
 * launcher on nothing prepared, and switched to PostgreSQL and back with
 * {@code driftproof-collector build --db=...} (ADR 0001).
 */
class DistributionIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<Process, Path> LOGS = new ConcurrentHashMap<>();

    @TempDir
    static Path work;
    private static Path launcher;

    @BeforeAll
    static void installACopy() throws IOException {
        Path built = Path.of("target", "quarkus-app");
        Path installed = work.resolve("install").resolve("quarkus-app");
        try (Stream<Path> files = Files.walk(built)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = installed.resolve(built.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        launcher = installed.resolve("bin").resolve("driftproof-collector");
    }

    @Test
    void startsOnEmbeddedH2WithNothingPrepared() throws Exception {
        Path dataDir = work.resolve("fresh").resolve("data");
        String log = runUntilHealthy(Map.of("DRIFTPROOF_DATA_DIR", dataDir.toString()));
        assertThat(log).contains("jdbc:h2:file:" + dataDir);
        assertThat(dataDir.resolve("collector.mv.db")).exists();
        assertThat(dataDir.resolve("pki/ca.crt")).exists();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("pki/ca.key"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
    void switchesToPostgresqlAndBack() throws Exception {
        assertThat(launch(List.of("build", "--db=postgresql"), Map.of()).waitFor()).isZero();
        String url = System.getenv(PostgresProfile.URL_VARIABLE);
        String log = runUntilHealthy(Map.of(
                "DRIFTPROOF_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=driftproof_distribution",
                "DRIFTPROOF_DB_USER", System.getenv().getOrDefault("DRIFTPROOF_TEST_POSTGRES_USER", "postgres"),
                "DRIFTPROOF_DB_PASSWORD", System.getenv().getOrDefault("DRIFTPROOF_TEST_POSTGRES_PASSWORD", ""),
                "JAVA_OPTS", "-Dquarkus.flyway.clean-at-start=true -Dquarkus.flyway.clean-disabled=false"));
        assertThat(log).contains("(PostgreSQL ").contains("Profile pg activated");

        assertThat(launch(List.of("build", "--db=h2"), Map.of()).waitFor()).isZero();
        Path dataDir = work.resolve("back-to-h2");
        assertThat(runUntilHealthy(Map.of("DRIFTPROOF_DATA_DIR", dataDir.toString()))).contains("jdbc:h2:file:");
    }

    @Test
    void buildRefusesAnUnknownDatabaseKind() throws Exception {
        assertThat(launch(List.of("build", "--db=oracle"), Map.of()).waitFor()).isEqualTo(2);
    }

    /** Starts the collector, waits for /q/health to answer 200 over HTTPS, stops it; returns its log. */
    private static String runUntilHealthy(Map<String, String> env) throws Exception {
        int port = freePort();
        int tlsPort = freePort();
        Process collector = launch(List.of("run", "-Dquarkus.http.port=" + port, "-Dquarkus.http.ssl-port=" + tlsPort), env);
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(trustingAnyServer()).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("https://localhost:" + tlsPort + "/q/health")).build();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (true) {
                assertThat(collector.isAlive()).as("collector exited: %s", log(collector)).isTrue();
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYetListening) {
                    // keep waiting
                }
                assertThat(Instant.now()).as("collector not healthy in time: %s", log(collector)).isBefore(deadline);
                Thread.sleep(250);
            }
        } finally {
            collector.destroy();
            collector.waitFor();
        }
        return log(collector);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The health check only proves the collector started; its certificate is tested elsewhere (AgentSecurity). */
    private static SSLContext trustingAnyServer() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    private static Process launch(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(args);
        Path log = Files.createTempFile(work, "collector", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        LOGS.put(process, log);
        return process;
    }

    private static String log(Process process) throws IOException {
        return Files.readString(LOGS.get(process));
    }
}
