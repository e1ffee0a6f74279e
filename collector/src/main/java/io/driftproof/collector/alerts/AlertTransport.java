package io.driftproof.collector.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

/** Delivers one alert to one channel, or throws saying why not. */
@ApplicationScoped
class AlertTransport {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** local0.warning */
    private static final int SYSLOG_PRIORITY = 16 * 8 + 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final Mailer mailer;
    private final String version;
    private final String hostname;

    AlertTransport(ObjectMapper json, Mailer mailer, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.json = json;
        this.mailer = mailer;
        this.version = version;
        this.hostname = localHostname();
    }

    void send(AlertConfig.Channel channel, String payload, AlertMessage m) throws IOException, InterruptedException {
        switch (channel.type()) {
            case WEBHOOK -> post(channel, payload);
            case SLACK -> post(channel, write(AlertFormats.slack(json, m)));
            case TEAMS -> post(channel, write(AlertFormats.teams(json, m)));
            case EMAIL -> mailer.send(Mail.withText(null, m.headline(), AlertFormats.mailText(m))
                    .setTo(channel.to().orElseThrow(() -> new IllegalStateException("an EMAIL channel needs 'to'"))));
            case SYSLOG -> syslog(channel, m);
        }
    }

    private void post(AlertConfig.Channel channel, String body) throws IOException, InterruptedException {
        URI url = URI.create(channel.url().orElseThrow(() -> new IllegalStateException("a webhook channel needs 'url'")));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered " + response.statusCode());
        }
    }

    /** RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG}, MSG in CEF. */
    String syslogLine(AlertMessage m) {
        return "<" + SYSLOG_PRIORITY + ">1 " + DateTimeFormatter.ISO_INSTANT.format(m.openedAt()) + " " + hostname
                + " driftproof " + ProcessHandle.current().pid() + " " + m.type() + " - " + AlertFormats.cef(m, version);
    }

    private void syslog(AlertConfig.Channel channel, AlertMessage m) throws IOException {
        String host = channel.host().orElseThrow(() -> new IllegalStateException("a SYSLOG channel needs 'host'"));
        byte[] line = syslogLine(m).getBytes(StandardCharsets.UTF_8);
        if (channel.protocol() == AlertConfig.SyslogProtocol.UDP) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(line, line.length, InetAddress.getByName(host), channel.port()));
            }
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, channel.port()), (int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((line.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(line);
            out.flush();
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }
}
