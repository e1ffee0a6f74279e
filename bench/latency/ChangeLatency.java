import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Change-to-collector latency: rewrites a watched config file, then polls the collector's REST
 * API until the observed change carrying the new content's SHA-256 is listed. Prints percentiles
 * of the whole latency and of its phases, read from the change's own timestamps (agent and
 * collector share this machine's clock): write → agent scan (observedAtAgent), scan → collector
 * receipt (receivedAt), receipt → visible over REST.
 *
 * <p>Usage: {@code java ChangeLatency.java --url URL --ca CA.crt --token TOKEN --host HOST_ID
 * --file FILE [--changes 200] [--warmup 5] [--pause-ms 300] [--poll-ms 20] [--timeout-s 30] [--csv OUT]}
 */
public final class ChangeLatency {

    private static final Pattern OBSERVED_AT_AGENT = Pattern.compile("\"observedAtAgent\":\"([^\"]+)\"");
    private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"([^\"]+)\"");

    private record Sample(double totalMs, double scanMs, double deliveryMs, double visibleMs) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path file = Path.of(opt.get("file"));
        int changes = Integer.parseInt(opt.getOrDefault("changes", "200"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        long pauseMs = Long.parseLong(opt.getOrDefault("pause-ms", "300"));
        long pollMs = Long.parseLong(opt.getOrDefault("poll-ms", "20"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout-s", "30")));
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(Path.of(opt.get("ca"))))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String changesUrl = opt.get("url") + "/api/v1/hosts/" + URLEncoder.encode(opt.get("host"), StandardCharsets.UTF_8)
                + "/changes?kind=CONFIG_FILE&limit=1000&from=";
        String base = Files.readString(file);
        List<Sample> samples = new ArrayList<>();
        StringBuilder csv = new StringBuilder("change,total_ms,scan_ms,delivery_ms,visible_ms\n");
        for (int i = -warmup; i < changes; i++) {
            String content = base + "# driftproof latency probe " + i + " " + System.nanoTime() + "\n";
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
            Instant from = Instant.now().minusSeconds(5);
            Files.writeString(file, content);
            long written = System.nanoTime();
            Instant writtenAt = Instant.now();
            HttpRequest poll = HttpRequest.newBuilder(URI.create(changesUrl + from))
                    .header("Authorization", "Bearer " + opt.get("token")).timeout(Duration.ofSeconds(5)).GET().build();
            String body = awaitChange(http, poll, sha256, written, timeout, pollMs);
            double totalMs = (System.nanoTime() - written) / 1e6;
            Sample s = phases(body, sha256, writtenAt, totalMs);
            if (i >= 0) {
                samples.add(s);
                csv.append(i).append(',').append(fmt(s.totalMs)).append(',').append(fmt(s.scanMs)).append(',')
                        .append(fmt(s.deliveryMs)).append(',').append(fmt(s.visibleMs)).append('\n');
                if ((i + 1) % 20 == 0) {
                    System.err.printf("latency: %d/%d changes, last %.0f ms%n", i + 1, changes, totalMs);
                }
            }
            Thread.sleep(pauseMs);
        }
        if (opt.containsKey("csv")) {
            Files.writeString(Path.of(opt.get("csv")), csv);
        }
        report("total", samples.stream().mapToDouble(Sample::totalMs).toArray());
        report("scan", samples.stream().mapToDouble(Sample::scanMs).toArray());
        report("delivery", samples.stream().mapToDouble(Sample::deliveryMs).toArray());
        report("visible", samples.stream().mapToDouble(Sample::visibleMs).toArray());
    }

    private static String awaitChange(HttpClient http, HttpRequest poll, String sha256, long written, Duration timeout,
                                      long pollMs) throws Exception {
        String needle = "\"sha256\":\"" + sha256 + "\"";
        while (true) {
            HttpResponse<String> response = http.send(poll, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + poll.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            if (response.body().contains(needle)) {
                return response.body();
            }
            if (System.nanoTime() - written > timeout.toNanos()) {
                throw new IllegalStateException("change " + sha256 + " not visible within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(pollMs);
        }
    }

    /** The change's own timestamps follow its after-state, the last nested object of a change. */
    private static Sample phases(String body, String sha256, Instant writtenAt, double totalMs) {
        int at = body.indexOf("\"sha256\":\"" + sha256 + "\"");
        Instant scanned = instantAfter(body, OBSERVED_AT_AGENT, at);
        Instant received = instantAfter(body, RECEIVED_AT, at);
        double scanMs = Duration.between(writtenAt, scanned).toNanos() / 1e6;
        double deliveryMs = Duration.between(scanned, received).toNanos() / 1e6;
        return new Sample(totalMs, scanMs, deliveryMs, totalMs - scanMs - deliveryMs);
    }

    private static Instant instantAfter(String body, Pattern field, int from) {
        Matcher m = field.matcher(body);
        if (!m.find(from)) {
            throw new IllegalStateException("no " + field + " after the change's content hash");
        }
        return Instant.parse(m.group(1));
    }

    private static void report(String figure, double[] ms) {
        Arrays.sort(ms);
        System.out.printf("latency figure=%s changes=%d p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%s%n", figure, ms.length,
                fmt(percentile(ms, 50)), fmt(percentile(ms, 90)), fmt(percentile(ms, 99)), fmt(ms[ms.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String fmt(double ms) {
        return String.format("%.0f", ms);
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("driftproof-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("url", "ca", "token", "host", "file")) {
            if (!opt.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        return opt;
    }
}
