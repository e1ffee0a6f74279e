package io.driftproof.loadgen.phase;

import com.google.gson.JsonElement;
import io.driftproof.loadgen.api.CollectorApi;
import io.driftproof.loadgen.fleet.CatalogPackage;
import io.driftproof.loadgen.fleet.HostChanges;
import io.driftproof.loadgen.fleet.FleetCatalog;
import io.driftproof.loadgen.wire.SimulatedAgent;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The change record behind patch day, made through the REST API as people would: the hosts get
 * a tag, a requester opens a monthly RECURRING record for the tag whose expectations name every
 * upgrade (package and target version), and an approver approves it.
 */
final class PatchCycle {

    static final String TAG = "patch-day";

    private PatchCycle() {
    }

    /** @return the record's id */
    static long approve(CollectorApi admin, List<SimulatedAgent> hosts, HostChanges changes, Instant now) {
        String password = Base64.getUrlEncoder().encodeToString(new SecureRandom().generateSeed(18));
        admin.post("/api/v1/users", Map.of("username", "bench-requester", "password", password,
                "roles", List.of("REQUESTER", "IMPLEMENTER")));
        admin.post("/api/v1/users", Map.of("username", "bench-approver", "password", password, "roles", List.of("APPROVER")));
        Bounded.run(hosts, 4, agent -> CompletableFuture.supplyAsync(
                () -> admin.put("/api/v1/hosts/" + agent.host().id(), Map.of("tags", List.of(TAG)))));
        CollectorApi requester = admin.as("bench-requester", password);
        JsonElement record = requester.post("/api/v1/changes", record(hosts.get(0).host().catalog(), changes, now));
        long id = record.getAsJsonObject().get("id").getAsLong();
        requester.post("/api/v1/changes/" + id + "/submit", Map.of());
        admin.as("bench-approver", password).post("/api/v1/changes/" + id + "/approve", Map.of("note", "monthly patching"));
        return id;
    }

    private static Map<String, Object> record(FleetCatalog catalog, HostChanges changes, Instant now) {
        List<Map<String, String>> expectations = new ArrayList<>();
        for (int i = 0; i < changes.patchDayPackages(); i++) {
            CatalogPackage pkg = catalog.pkg(i);
            expectations.add(Map.of("kind", "PACKAGE", "key", pkg.key(), "action", "UPGRADE", "toVersion", pkg.version(1)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Monthly patching: Debian 12 security updates");
        body.put("description", "Stable security updates of " + expectations.size() + " packages on the servers");
        body.put("justification", "Vendor security advisories of the month");
        body.put("securityImpact", "Closes published vulnerabilities; no configuration changes");
        body.put("rollbackPlan", "Reinstall the previous versions from the local mirror");
        body.put("cuiInvolved", true);
        body.put("type", "RECURRING");
        body.put("windowStart", now.minus(Duration.ofHours(1)).toString());
        body.put("windowEnd", now.plus(Duration.ofHours(3)).toString());
        body.put("recurrence", "P1M");
        body.put("hosts", List.of("tag:" + TAG));
        body.put("expectations", expectations);
        return body;
    }
}
