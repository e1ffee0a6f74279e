package io.driftproof.collector.changes;

import io.driftproof.collector.common.ProblemException;
import jakarta.ws.rs.core.Response.Status;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a change log exported from a spreadsheet or ticketing system (docs/api.md, "Importing a
 * change log"): a header row naming the columns, then one change record per row. Hosts and
 * expectations are written as {@link ExpectationText} describes. Rows are numbered
 * as the lines they start on, the header being row 1; every problem names its row and column.
 */
final class ChangeLogCsv {

    static final String SOURCE = "CSV";
    static final List<String> REQUIRED = List.of("id", "title", "type", "requester", "requestedAt", "windowStart",
            "windowEnd", "hosts", "expectations");
    static final List<String> OPTIONAL = List.of("description", "justification", "securityImpact", "rollbackPlan",
            "cuiInvolved", "recurrence", "recurrenceUntil", "approver", "approvedAt");

    record Row(int number, ExternalChange change) {
    }

    private ChangeLogCsv() {
    }

    static List<Row> read(String text) {
        List<Csv.Line> lines;
        try {
            lines = Csv.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("the change log is not valid CSV: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw ProblemException.badRequest("the change log is empty; the first row names the columns: "
                    + String.join(",", REQUIRED));
        }
        Map<String, Integer> columns = header(lines.get(0));
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Csv.Line line : lines.subList(1, lines.size())) {
            Row row = row(line, columns);
            if (!ids.add(row.change().externalId())) {
                throw problem(line.number(), "id", "id " + row.change().externalId() + " appears twice in the change log");
            }
            rows.add(row);
        }
        return rows;
    }

    static ProblemException problem(int row, String column, String detail) {
        return new ProblemException(Status.BAD_REQUEST, "Invalid row " + row + ", column '" + column + "'",
                "row " + row + ", column " + column + ": " + detail);
    }

    /** The column a field of the record or of its import belongs to: hosts[2] is hosts, expectations[0].key is expectations. */
    static String column(String field) {
        int cut = field.length();
        for (char c : new char[] {'[', '.'}) {
            int at = field.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return field.substring(0, cut);
    }

    private static Map<String, Integer> header(Csv.Line line) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(REQUIRED);
        known.addAll(OPTIONAL);
        for (int i = 0; i < line.fields().size(); i++) {
            String name = line.fields().get(i).strip();
            if (!known.contains(name)) {
                throw problem(1, name, "unknown column; the columns are " + String.join(", ", known));
            }
            if (columns.put(name, i) != null) {
                throw problem(1, name, "the column appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw problem(1, required, "the required column is missing");
            }
        }
        return columns;
    }

    private static Row row(Csv.Line line, Map<String, Integer> columns) {
        Map<String, String> v = new HashMap<>();
        columns.forEach((name, i) -> {
            String value = i < line.fields().size() ? line.fields().get(i).strip() : "";
            v.put(name, value.isEmpty() ? null : value);
        });
        int n = line.number();
        if (line.fields().size() > columns.size()) {
            throw problem(n, "id", "the row has " + line.fields().size() + " fields, the header " + columns.size());
        }
        if (v.get("id") == null) {
            throw problem(n, "id", "id is required: the record's id in the change log");
        }
        if ((v.get("approver") == null) != (v.get("approvedAt") == null)) {
            throw problem(n, v.get("approver") == null ? "approver" : "approvedAt",
                    "approver and approvedAt are given together or not at all");
        }
        ExternalChange.Step requested = new ExternalChange.Step(v.get("requester"), instant(n, "requestedAt", v));
        Optional<ExternalChange.Step> approved = Optional.ofNullable(v.get("approver"))
                .map(by -> new ExternalChange.Step(by, instant(n, "approvedAt", v)));
        ChangeRequest content = new ChangeRequest(v.get("title"), v.get("description"), v.get("justification"),
                v.get("securityImpact"), v.get("rollbackPlan"), cuiInvolved(n, v.get("cuiInvolved")), v.get("type"),
                v.get("windowStart"), v.get("windowEnd"), v.get("recurrence"), v.get("recurrenceUntil"),
                v.get("hosts") == null ? null : ExpectationText.hosts(v.get("hosts")), expectations(n, v.get("expectations")));
        return new Row(n, new ExternalChange(SOURCE, v.get("id"), content, requested, approved, Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    private static Instant instant(int row, String column, Map<String, String> v) {
        String value = v.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value));
        } catch (DateTimeParseException e) {
            throw problem(row, column, "must be an ISO-8601 time such as 2025-01-31T12:00:00Z, got '" + value + "'");
        }
    }

    private static Boolean cuiInvolved(int row, String value) {
        if (value == null || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no")) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")) {
            return true;
        }
        throw problem(row, "cuiInvolved", "must be true/false or yes/no, got '" + value + "'");
    }

    private static List<ChangeRequest.ExpectationRequest> expectations(int row, String value) {
        try {
            return value == null ? null : ExpectationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw problem(row, "expectations", e.getMessage());
        }
    }
}
