package io.driftproof.loadgen.phase;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.driftproof.loadgen.api.CollectorApi;
import io.driftproof.loadgen.wire.SimulatedAgent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the observed changes of hosts back through the REST API (GET /hosts/{id}/changes) and
 * counts their reconciliation statuses: the storm is reconciled when every change it caused is
 * there and has a status.
 */
final class ReconciliationCheck {

    /** The statuses found; {@code none} counts changes without one yet. */
    record Statuses(long changes, long none, Map<String, Long> byStatus) {
    }

    private ReconciliationCheck() {
    }

    static Statuses since(CollectorApi api, List<SimulatedAgent> hosts, Instant from) {
        Map<String, Long> byStatus = new TreeMap<>();
        Bounded.run(hosts, 4, agent -> CompletableFuture.supplyAsync(() -> {
            count(api, agent.host().id(), from, byStatus);
            return null;
        }));
        long none = byStatus.getOrDefault("none", 0L);
        long changes = byStatus.values().stream().mapToLong(Long::longValue).sum();
        byStatus.remove("none");
        return new Statuses(changes, none, byStatus);
    }

    private static void count(CollectorApi api, String hostId, Instant from, Map<String, Long> byStatus) {
        for (long offset = 0; offset >= 0; ) {
            JsonObject page = api.get("/api/v1/hosts/" + hostId + "/changes?limit=1000&offset=" + offset + "&from=" + from)
                    .getAsJsonObject();
            for (JsonElement change : page.getAsJsonArray("items")) {
                JsonElement status = change.getAsJsonObject().get("status");
                String name = status == null || status.isJsonNull() ? "none" : status.getAsString();
                synchronized (byStatus) {
                    byStatus.merge(name, 1L, Long::sum);
                }
            }
            offset = page.get("next").isJsonNull() ? -1 : page.get("next").getAsLong();
        }
    }
}
