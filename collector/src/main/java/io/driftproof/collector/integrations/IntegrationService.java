package io.driftproof.collector.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.changes.ExternalRecords;
import io.driftproof.collector.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Receives a ticketing system's change-request webhook: checks its shared secret, maps the payload
 * and hands it to {@link ExternalRecords}, which creates the record or moves it by transitions. */
@ApplicationScoped
public class IntegrationService {

    private final IntegrationConfig config;
    private final JiraChanges jira;
    private final ServiceNowChanges serviceNow;
    private final ExternalRecords records;

    IntegrationService(IntegrationConfig config, JiraChanges jira, ServiceNowChanges serviceNow, ExternalRecords records) {
        this.config = config;
        this.jira = jira;
        this.serviceNow = serviceNow;
        this.records = records;
    }

    @Transactional
    public ExternalRecords.Applied receive(String system, String secret, JsonNode payload) {
        TicketMapper mapper = switch (system) {
            case "jira" -> authenticated(jira, config.jira().secret(), secret);
            case "servicenow" -> authenticated(serviceNow, config.servicenow().secret(), secret);
            default -> throw ProblemException.notFound("no integration '" + system + "'; there are jira and servicenow");
        };
        return records.apply(mapper.map(payload), "integration:" + system, "received from the " + mapper.source()
                + " webhook");
    }

    private static TicketMapper authenticated(TicketMapper mapper, Optional<String> configured, String given) {
        boolean ok = configured.isPresent() && given != null && MessageDigest.isEqual(
                configured.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new ProblemException(Status.UNAUTHORIZED, "Not authenticated", configured.isEmpty()
                    ? mapper.source() + " integration is not configured (no shared secret)"
                    : "the X-Driftproof-Secret header does not match the configured shared secret");
        }
        return mapper;
    }
}
