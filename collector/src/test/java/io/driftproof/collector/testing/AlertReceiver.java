package io.driftproof.collector.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real alert receivers on loopback for the collector under test: an HTTP server taking the
 * webhook, Slack and Teams posts, and a UDP syslog socket. What they received is readable over
 * HTTP (GET /received?path=/webhook), and POST /fail?count=N makes the next N webhook posts fail
 * with 503, so tests reach it the way the collector does, across class loaders.
 */
public class AlertReceiver implements QuarkusTestResourceLifecycleManager {

    private HttpServer http;
    private DatagramSocket syslog;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            syslog = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String path : List.of("/webhook", "/slack", "/teams")) {
            http.createContext(path, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = path.equals("/webhook") && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!fail) {
                    received.add(new String[] {path, body});
                }
                exchange.sendResponseHeaders(fail ? 503 : 200, -1);
                exchange.close();
            });
        }
        http.createContext("/received", exchange -> {
            String wanted = exchange.getRequestURI().getQuery().substring("path=".length());
            StringBuilder out = new StringBuilder("[");
            for (String[] r : received) {
                if (r[0].equals(wanted)) {
                    out.append(out.length() > 1 ? "," : "").append(r[0].equals("/syslog") ? quote(r[1]) : r[1]);
                }
            }
            byte[] body = out.append(']').toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.createContext("/fail", exchange -> {
            failures.set(Integer.parseInt(exchange.getRequestURI().getQuery().substring("count=".length())));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.start();
        Thread listener = new Thread(this::listenSyslog, "test-syslog");
        listener.setDaemon(true);
        listener.start();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("driftproof.alerts.base-url", "https://driftproof.example.test"),
                Map.entry("driftproof.alerts.channels.hook.type", "WEBHOOK"),
                Map.entry("driftproof.alerts.channels.hook.url", base + "/webhook"),
                Map.entry("driftproof.alerts.channels.slack.type", "SLACK"),
                Map.entry("driftproof.alerts.channels.slack.url", base + "/slack"),
                Map.entry("driftproof.alerts.channels.teams.type", "TEAMS"),
                Map.entry("driftproof.alerts.channels.teams.url", base + "/teams"),
                Map.entry("driftproof.alerts.channels.siem.type", "SYSLOG"),
                Map.entry("driftproof.alerts.channels.siem.host", "127.0.0.1"),
                Map.entry("driftproof.alerts.channels.siem.port", String.valueOf(syslog.getLocalPort())),
                Map.entry("driftproof.alerts.channels.mail.type", "EMAIL"),
                Map.entry("driftproof.alerts.channels.mail.to", "security@example.test"),
                Map.entry("test.alert-receiver", base));
    }

    private void listenSyslog() {
        byte[] buffer = new byte[65536];
        while (!syslog.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                syslog.receive(packet);
                received.add(new String[] {"/syslog", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)});
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void stop() {
        http.stop(0);
        syslog.close();
    }
}
