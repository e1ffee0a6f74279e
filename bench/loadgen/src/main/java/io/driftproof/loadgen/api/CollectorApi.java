package io.driftproof.loadgen.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The collector's REST API as one user (HTTP Basic) or API token, JSON in and out; any non-2xx answer is an error. */
public final class CollectorApi {

    private static final Gson GSON = new Gson();

    private final HttpClient http;
    private final URI base;
    private final String user;
    private final String authorization;

    private CollectorApi(HttpClient http, URI base, String user, String authorization) {
        this.http = http;
        this.base = base;
        this.user = user;
        this.authorization = authorization;
    }

    public static CollectorApi connect(URI base, String user, String password) {
        return new CollectorApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base, user, basic(user, password));
    }

    /** The same collector as another user. */
    public CollectorApi as(String otherUser, String password) {
        return new CollectorApi(http, base, otherUser, basic(otherUser, password));
    }

    /**
     * The same collector with a new API token of this user's roles, valid for a day. The collector
     * checks a password with bcrypt at every request (tens of milliseconds of CPU) and a token with
     * one SHA-256, so measurements taken through a token do not load the collector they measure.
     */
    public CollectorApi withToken(String name, List<String> roles) {
        String token = post("/api/v1/api-tokens", Map.of("name", name, "roles", roles, "ttlDays", 1))
                .getAsJsonObject().get("token").getAsString();
        return new CollectorApi(http, base, "token:" + name, "Bearer " + token);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public JsonElement get(String path) {
        return JsonParser.parseString(text(request(path).GET()));
    }

    public JsonElement post(String path, Object body) {
        return JsonParser.parseString(text(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GSON.toJson(body)))));
    }

    public JsonElement put(String path, Object body) {
        return JsonParser.parseString(text(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(GSON.toJson(body)))));
    }

    /** Used heap of the collector's JVM, from its Prometheus metrics. */
    public double heapUsedMb() {
        double bytes = 0;
        for (String line : text(request("/q/metrics").GET()).split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1024 * 1024);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Accept", "application/json, text/plain");
    }

    private String text(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " as " + user + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
