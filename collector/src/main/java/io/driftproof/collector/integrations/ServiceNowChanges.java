package io.driftproof.collector.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.changes.ChangeRequest;
import io.driftproof.collector.changes.ExternalChange;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * ServiceNow change_request records as a business rule posts them (docs/integrations.md): a
 * column is a string or a {value, display_value} pair (Table API with sysparm_display_value=all);
 * people are taken by display value, codes and times (UTC) by value. The number is the external
 * id; requested_by and sys_created_on are the request; the record's approvers
 * (sysapproval_approver rows) give the approval or rejection; state 4 (Canceled) cancels.
 */
@ApplicationScoped
class ServiceNowChanges implements TicketMapper {

    static final String SOURCE = "SERVICENOW";
    private static final String CANCELED = "4";

    private final IntegrationConfig.ServiceNow config;

    ServiceNowChanges(IntegrationConfig config) {
        this.config = config.servicenow();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ExternalChange map(JsonNode body) {
        Payload r = Payload.of(body);
        String type = value(r.at("type")).text().filter("emergency"::equalsIgnoreCase).map(t -> "EMERGENCY")
                .orElse("STANDARD");
        ChangeRequest content = new ChangeRequest(display(r.at("short_description")).requiredText(),
                display(r.at("description")).text().orElse(null), display(r.at("justification")).text().orElse(null),
                display(r.at("risk_impact_analysis")).text().orElse(null), display(r.at("backout_plan")).text().orElse(null),
                null, type, value(r.at("start_date")).requiredTime().toString(),
                value(r.at("end_date")).requiredTime().toString(), null, null,
                TicketMapper.hosts(display(r.at(config.hostsField()))),
                TicketMapper.expectations(display(r.at(config.expectationsField()))));
        ExternalChange.Step requested = new ExternalChange.Step(display(r.at("requested_by")).requiredText(),
                value(r.at("sys_created_on")).requiredTime());
        ExternalChange.Step updated = new ExternalChange.Step(display(r.at("sys_updated_by")).text().orElse(requested.by()),
                value(r.at("sys_updated_on")).time().orElse(requested.at()));
        String approval = value(r.at("approval")).text().orElse("not requested");
        boolean cancelled = value(r.at("state")).text().map(CANCELED::equals).orElse(false);
        return new ExternalChange(SOURCE, value(r.at("number")).requiredText(), content, requested,
                approval.equals("approved") ? approver(r, "approved") : Optional.empty(),
                approval.equals("rejected") ? approver(r, "rejected") : Optional.empty(),
                cancelled ? Optional.of(updated) : Optional.empty(), Optional.of(updated));
    }

    /** The latest approver row in this state: who, and when they decided. */
    private static Optional<ExternalChange.Step> approver(Payload r, String state) {
        Optional<ExternalChange.Step> latest = Optional.empty();
        for (Payload row : r.at("approvers").elements()) {
            if (value(row.at("state")).text().map(state::equals).orElse(false)) {
                ExternalChange.Step step = new ExternalChange.Step(display(row.at("approver")).requiredText(),
                        value(row.at("sys_updated_on")).requiredTime());
                if (latest.isEmpty() || step.at().isAfter(latest.get().at())) {
                    latest = Optional.of(step);
                }
            }
        }
        if (latest.isEmpty()) {
            throw r.at("approvers").invalid("has no approver in state " + state + " although approval is " + state);
        }
        return latest;
    }

    private static Payload value(Payload column) {
        return column.node() != null && column.node().isObject() ? column.at("value") : column;
    }

    private static Payload display(Payload column) {
        return column.node() != null && column.node().isObject() ? column.at("display_value") : column;
    }
}
