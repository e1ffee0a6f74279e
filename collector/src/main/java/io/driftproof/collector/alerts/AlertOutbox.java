package io.driftproof.collector.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.findings.Finding;
import io.driftproof.collector.findings.FindingOpened;
import io.driftproof.collector.inventory.Host;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.collector.observed.ObservedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Puts one alert per subscribed channel into the outbox, in the transaction that opened the
 * finding: an alert is never sent for a finding that was rolled back, nor lost for one committed. */
@ApplicationScoped
public class AlertOutbox {

    private final AlertConfig config;
    private final ObjectMapper json;
    private final ItemStates states;
    private final ServerClock clock;

    AlertOutbox(AlertConfig config, ObjectMapper json, ItemStates states, ServerClock clock) {
        this.config = config;
        this.json = json;
        this.states = states;
        this.clock = clock;
    }

    void onOpened(@Observes FindingOpened opened) {
        Finding f = Finding.findById(opened.findingId());
        String payload = null;
        for (var channel : config.channels().entrySet()) {
            if (!channel.getValue().findings().contains(f.type)) {
                continue;
            }
            if (payload == null) {
                payload = toJson(message(f));
            }
            AlertDelivery d = new AlertDelivery();
            d.findingId = f.id;
            d.channel = channel.getKey();
            d.occurrence = opened.occurrence();
            d.payload = payload;
            d.createdAt = clock.now();
            d.nextAttemptAt = d.createdAt;
            d.persist();
        }
    }

    private AlertMessage message(Finding f) {
        ObservedChange c = f.observedChangeId == null ? null : ObservedChange.findById(f.observedChangeId);
        Host host = f.hostId == null ? null : Host.findById(f.hostId);
        String base = config.baseUrl().replaceAll("/+$", "");
        ItemState before = c == null ? null : states.fromJson(c.kind, c.before);
        ItemState after = c == null ? null : states.fromJson(c.kind, c.after);
        return new AlertMessage(f.id, f.type, f.summary, f.openedAt, f.hostId, host == null ? null : host.hostname,
                f.changeRecordId, f.observedChangeId, c == null ? null : c.kind, c == null ? null : c.itemKey,
                c == null ? null : c.action, c == null ? null : AlertMessage.describe(before),
                c == null ? null : AlertMessage.describe(after), before == null ? null : json.valueToTree(before),
                after == null ? null : json.valueToTree(after), c == null ? null : c.observedAt,
                base + "/api/v1/findings/" + f.id, c == null ? null : base + "/api/v1/observed-changes/" + c.id + "/diff");
    }

    private String toJson(AlertMessage m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert cannot be written as JSON", e);
        }
    }
}
