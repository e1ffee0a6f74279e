package io.driftproof.collector.alerts;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Reads the outbox: per finding, which channels got the alert, after how many attempts. */
@ApplicationScoped
public class AlertDeliveries {

    @Transactional
    public List<AlertDeliveryView> ofFinding(long findingId) {
        return AlertDelivery.find("findingId", Sort.by("channel").and("occurrence"), findingId)
                .project(AlertDeliveryView.class).list();
    }
}
