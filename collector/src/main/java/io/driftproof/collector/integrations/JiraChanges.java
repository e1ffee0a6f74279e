package io.driftproof.collector.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.changes.ChangeRequest;
import io.driftproof.collector.changes.ExternalChange;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * Jira Service Management "issue created / updated" webhooks of change requests (docs/integrations.md):
 * the issue key is the external id; reporter and created are the request; the service project's
 * approvals field holds the approval or decline with its approver and completion time; the status
 * Canceled cancels. Custom field ids are configured per site.
 */
@ApplicationScoped
class JiraChanges implements TicketMapper {

    static final String SOURCE = "JIRA";

    private final IntegrationConfig.Jira config;

    JiraChanges(IntegrationConfig config) {
        this.config = config.jira();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ExternalChange map(JsonNode body) {
        Payload issue = Payload.of(body).at("issue");
        Payload fields = issue.at("fields");
        String type = fields.at(config.changeTypeField()).at("value").text()
                .filter(t -> t.toLowerCase(Locale.ROOT).equals("emergency")).map(t -> "EMERGENCY").orElse("STANDARD");
        ChangeRequest content = new ChangeRequest(fields.at("summary").requiredText(), fields.at("description").text().orElse(null),
                fields.at(config.justificationField()).text().orElse(null), null, null, null, type,
                fields.at(config.plannedStartField()).requiredTime().toString(),
                fields.at(config.plannedEndField()).requiredTime().toString(), null, null,
                TicketMapper.hosts(fields.at(config.hostsField())),
                TicketMapper.expectations(fields.at(config.expectationsField())));
        ExternalChange.Step requested = new ExternalChange.Step(fields.at("reporter").at("displayName").requiredText(),
                fields.at("created").requiredTime());
        Payload actor = Payload.of(body).at("user").at("displayName");
        ExternalChange.Step updated = new ExternalChange.Step(actor.text().orElse(requested.by()),
                fields.at("updated").time().orElse(requested.at()));
        boolean cancelled = fields.at("status").at("name").text()
                .map(s -> s.equalsIgnoreCase("canceled") || s.equalsIgnoreCase("cancelled")).orElse(false);
        return new ExternalChange(SOURCE, issue.at("key").requiredText(), content, requested,
                decision(fields, "approved"), decision(fields, "declined"),
                cancelled ? Optional.of(updated) : Optional.empty(), Optional.of(updated));
    }

    /** The last approval of the issue with this final decision: who decided so, and when it completed. */
    private Optional<ExternalChange.Step> decision(Payload fields, String finalDecision) {
        Optional<ExternalChange.Step> found = Optional.empty();
        for (Payload approval : fields.at(config.approvalsField()).elements()) {
            if (!approval.at("finalDecision").text().map(finalDecision::equals).orElse(false)) {
                continue;
            }
            String by = null;
            for (Payload approver : approval.at("approvers").elements()) {
                if (approver.at("approverDecision").text().map(finalDecision::equals).orElse(false)) {
                    by = approver.at("approver").at("displayName").requiredText();
                }
            }
            if (by == null) {
                throw approval.at("approvers").invalid("names no approver who " + finalDecision);
            }
            found = Optional.of(new ExternalChange.Step(by, approval.at("completedDate").at("iso8601").requiredTime()));
        }
        return found;
    }
}
