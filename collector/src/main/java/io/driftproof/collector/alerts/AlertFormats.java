package io.driftproof.collector.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The shapes alerts take per channel: the generic JSON body, Slack and Teams webhook messages,
 * an e-mail text, a CEF line for syslog. */
final class AlertFormats {

    private AlertFormats() {
    }

    /** Slack incoming webhook: a fallback text plus one section block in mrkdwn. */
    static ObjectNode slack(ObjectMapper json, AlertMessage m) {
        ObjectNode body = json.createObjectNode();
        body.put("text", m.headline());
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", "*" + m.headline() + "*\n" + m.summary()
                + change(m, "\n") + "\n<" + m.findingUrl() + "|finding " + m.findingId() + ">"
                + (m.diffUrl() == null ? "" : " · <" + m.diffUrl() + "|diff>"));
        return body;
    }

    /** Teams incoming webhook: a message card with the facts and links. */
    static ObjectNode teams(ObjectMapper json, AlertMessage m) {
        ObjectNode card = json.createObjectNode();
        card.put("@type", "MessageCard");
        card.put("@context", "https://schema.org/extensions");
        card.put("summary", m.headline());
        card.put("themeColor", "D13438");
        card.put("title", m.headline());
        ObjectNode section = card.putArray("sections").addObject();
        section.put("text", m.summary());
        ArrayNode facts = section.putArray("facts");
        facts(m).forEach((name, value) -> facts.addObject().put("name", name).put("value", value));
        ArrayNode actions = card.putArray("potentialAction");
        link(actions, "Finding", m.findingUrl());
        if (m.diffUrl() != null) {
            link(actions, "Diff", m.diffUrl());
        }
        return card;
    }

    static String mailText(AlertMessage m) {
        StringBuilder text = new StringBuilder(m.summary()).append("\n\n");
        facts(m).forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        text.append("\nFinding: ").append(m.findingUrl()).append('\n');
        if (m.diffUrl() != null) {
            text.append("Diff: ").append(m.diffUrl()).append('\n');
        }
        return text.toString();
    }

    /** ArcSight CEF: header fields escape | and \, extension values escape = and \ (and newlines). */
    static String cef(AlertMessage m, String version) {
        StringBuilder ext = new StringBuilder();
        ext.append("rt=").append(m.openedAt().toEpochMilli());
        extension(ext, "dhost", m.hostname() != null ? m.hostname() : m.hostId());
        extension(ext, "cs1Label", "findingId");
        extension(ext, "cs1", String.valueOf(m.findingId()));
        if (m.key() != null) {
            extension(ext, "cs2Label", "item");
            extension(ext, "cs2", m.kind() + " " + m.key());
            extension(ext, "cs3Label", "before");
            extension(ext, "cs3", m.beforeSummary());
            extension(ext, "cs4Label", "after");
            extension(ext, "cs4", m.afterSummary());
            extension(ext, "act", m.action().name());
        }
        extension(ext, "cs5Label", "diff");
        extension(ext, "cs5", m.diffUrl() != null ? m.diffUrl() : m.findingUrl());
        extension(ext, "msg", m.summary());
        return "CEF:0|driftproof|collector|" + header(version) + "|" + m.type() + "|" + header(m.headline()) + "|"
                + severity(m) + "|" + ext;
    }

    static Map<String, String> facts(AlertMessage m) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("Finding", m.type() + " #" + m.findingId());
        if (m.hostId() != null) {
            facts.put("Host", m.hostname() != null ? m.hostname() + " (" + m.hostId() + ")" : m.hostId());
        }
        if (m.key() != null) {
            facts.put("Item", m.kind() + " " + m.key());
            facts.put("Action", m.action().name());
            facts.put("Before", m.beforeSummary());
            facts.put("After", m.afterSummary());
            facts.put("Observed at", String.valueOf(m.observedAt()));
        }
        if (m.changeRecordId() != null) {
            facts.put("Change record", String.valueOf(m.changeRecordId()));
        }
        return facts;
    }

    private static int severity(AlertMessage m) {
        return switch (m.type()) {
            case UNAPPROVED_CHANGE, EMERGENCY_APPROVAL_OVERDUE, DIFFERENT_IMPLEMENTATION -> 8;
            case AGENT_SILENT, CLOCK_SKEW -> 5;
            default -> 6;
        };
    }

    private static String change(AlertMessage m, String prefix) {
        return m.key() == null ? "" : prefix + "`" + m.kind() + " " + m.key() + "` " + m.action() + ": "
                + m.beforeSummary() + " → " + m.afterSummary();
    }

    private static void link(ArrayNode actions, String name, String url) {
        ObjectNode action = actions.addObject();
        action.put("@type", "OpenUri");
        action.put("name", name);
        action.putArray("targets").addObject().put("os", "default").put("uri", url);
    }

    private static void extension(StringBuilder ext, String key, String value) {
        ext.append(' ').append(key).append('=').append(value == null ? "" : value.replace("\\", "\\\\").replace("=", "\\=")
                .replace("\r", "\\r").replace("\n", "\\n"));
    }

    private static String header(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
