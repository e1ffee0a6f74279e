package io.driftproof.collector.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.changes.ChangeRequest;
import io.driftproof.collector.changes.ExpectationText;
import io.driftproof.collector.changes.ExternalChange;

import java.util.List;

/** Turns one ticketing system's change-request payload into an {@link ExternalChange}. */
interface TicketMapper {

    /** The source name records from this system carry (externalSource). */
    String source();

    ExternalChange map(JsonNode payload);

    static List<String> hosts(Payload field) {
        return field.text().map(ExpectationText::hosts).orElse(null);
    }

    static List<ChangeRequest.ExpectationRequest> expectations(Payload field) {
        try {
            return field.text().map(ExpectationText::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }
}
