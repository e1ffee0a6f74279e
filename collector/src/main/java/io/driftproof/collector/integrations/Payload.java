package io.driftproof.collector.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftproof.collector.common.ProblemException;
import jakarta.ws.rs.core.Response.Status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** A webhook body read by field path; what is missing or malformed is a 400 naming the path. */
record Payload(JsonNode node, String path) {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static Payload of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the webhook body must be a JSON object");
        }
        return new Payload(body, "");
    }

    Payload at(String field) {
        JsonNode child = node == null ? null : node.get(field);
        return new Payload(child == null || child.isNull() ? null : child, path.isEmpty() ? field : path + "." + field);
    }

    boolean present() {
        return node != null;
    }

    /** Text of a string, or of every text node in a structured value (Jira's document format). */
    Optional<String> text() {
        if (node == null) {
            return Optional.empty();
        }
        String text = node.isValueNode() ? node.asText()
                : node.findValues("text").stream().map(JsonNode::asText).collect(Collectors.joining("\n"));
        return Optional.of(text.strip()).filter(s -> !s.isEmpty());
    }

    String requiredText() {
        return text().orElseThrow(() -> invalid("is required"));
    }

    Iterable<Payload> elements() {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("must be a list");
        }
        return () -> StreamSupport.stream(node.spliterator(), false).map(n -> new Payload(n, path + "[]")).iterator();
    }

    /** ISO-8601 with offset, Jira's 2026-12-01T10:00:00.000+0000, or ServiceNow's 2026-12-01 10:00:00 (UTC). */
    Optional<Instant> time() {
        return text().map(t -> {
            try {
                return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t));
            } catch (DateTimeParseException notIso) {
                try {
                    return Instant.from(JIRA_TIME.parse(t));
                } catch (DateTimeParseException notJira) {
                    try {
                        return LocalDateTime.parse(t, SERVICENOW_TIME).toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e) {
                        throw invalid("must be a time such as 2026-12-01T10:00:00Z, got '" + t + "'");
                    }
                }
            }
        });
    }

    Instant requiredTime() {
        return time().orElseThrow(() -> invalid("is required"));
    }

    ProblemException invalid(String what) {
        return new ProblemException(Status.BAD_REQUEST, "Invalid field '" + path + "'", path + " " + what);
    }
}
