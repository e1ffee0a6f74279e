package io.driftproof.collector.changes;

import io.driftproof.collector.diff.Attributes;
import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.reconcile.KeyPattern;
import io.driftproof.collector.reconcile.RecurrenceSchedule;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a {@link ChangeRequest} into {@link ChangeContent} or a 400 naming every bad field. */
@ApplicationScoped
class ChangeValidator {

    private static final int MAX_TITLE = 255;

    private final HostScopes scopes;

    ChangeValidator(HostScopes scopes) {
        this.scopes = scopes;
    }

    ChangeContent validate(ChangeRequest request) {
        if (request == null) {
            throw FieldErrors.single("body", "a change record is required");
        }
        FieldErrors errors = new FieldErrors();
        if (request.title() == null || request.title().isBlank()) {
            errors.add("title", "title is required");
        } else if (request.title().length() > MAX_TITLE) {
            errors.add("title", "title must have at most " + MAX_TITLE + " characters");
        }
        ChangeType type = enumValue(errors, "type", request.type(), ChangeType.class);
        Instant start = instant(errors, "windowStart", request.windowStart(), true);
        Instant end = instant(errors, "windowEnd", request.windowEnd(), true);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("windowEnd", "windowEnd " + end + " must be after windowStart " + start);
        }
        Instant until = instant(errors, "recurrenceUntil", request.recurrenceUntil(), false);
        recurrence(errors, type, request.recurrence(), start, end, until);
        List<String> hosts = hosts(errors, request.hosts());
        List<Expectation> expectations = expectations(errors, request.expectations());
        errors.throwIfAny();
        return new ChangeContent(request.title().strip(), request.description(), request.justification(),
                request.securityImpact(), request.rollbackPlan(), Boolean.TRUE.equals(request.cuiInvolved()), type,
                start, end, blankToNull(request.recurrence()), until, hosts, expectations);
    }

    private static void recurrence(FieldErrors errors, ChangeType type, String recurrence, Instant start, Instant end,
                                   Instant until) {
        boolean given = recurrence != null && !recurrence.isBlank();
        if (type != ChangeType.RECURRING) {
            if (given || until != null) {
                errors.add("recurrence", "only a RECURRING record has a recurrence");
            }
            return;
        }
        if (!given) {
            errors.add("recurrence", "a RECURRING record needs a recurrence, an ISO-8601 period such as P1M or P7D");
            return;
        }
        try {
            Period period = Period.parse(recurrence);
            if (period.isNegative() || period.isZero()) {
                errors.add("recurrence", "recurrence must be a positive period");
            } else if (start != null && end != null && !RecurrenceSchedule.of(start, end, recurrence, until).cycleWindowsDisjoint()) {
                errors.add("recurrence", "the window must be shorter than the recurrence " + recurrence);
            }
        } catch (DateTimeParseException e) {
            errors.add("recurrence", "recurrence must be an ISO-8601 period such as P1M or P7D, got '" + recurrence + "'");
        }
        if (until != null && start != null && until.isBefore(start)) {
            errors.add("recurrenceUntil", "recurrenceUntil must not be before windowStart");
        }
    }

    private List<String> hosts(FieldErrors errors, List<String> hosts) {
        if (hosts == null || hosts.isEmpty()) {
            errors.add("hosts", "hosts must name at least one host id, hostname or tag:NAME");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String text = hosts.get(i) == null ? "" : hosts.get(i).strip();
            HostScope scope = new HostScope(text);
            if (text.isEmpty() || scope.isTag() && scope.tag().isBlank()) {
                errors.add("hosts[" + i + "]", "must be a host id, a hostname or tag:NAME");
            } else if (!scopes.known(scope)) {
                errors.add("hosts[" + i + "]", "no host with id or hostname '" + text + "'");
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private static List<Expectation> expectations(FieldErrors errors, List<ChangeRequest.ExpectationRequest> list) {
        if (list == null || list.isEmpty()) {
            errors.add("expectations", "expectations must list at least one expected change");
            return List.of();
        }
        List<Expectation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "expectations[" + i + "]";
            ChangeRequest.ExpectationRequest e = list.get(i);
            if (e == null) {
                errors.add(at, "must be an object");
                continue;
            }
            ItemKind kind = enumValue(errors, at + ".kind", e.kind(), ItemKind.class);
            ExpectedAction action = enumValue(errors, at + ".action", e.action(), ExpectedAction.class);
            try {
                KeyPattern.compile(e.key());
            } catch (IllegalArgumentException bad) {
                errors.add(at + ".key", bad.getMessage());
            }
            String toVersion = blankToNull(e.toVersion());
            String sha = blankToNull(e.afterSha256());
            if (toVersion != null && kind == ItemKind.CONFIG_FILE) {
                errors.add(at + ".toVersion", "a config file has no version; use afterSha256");
            }
            if (toVersion != null && action == ExpectedAction.REMOVE) {
                errors.add(at + ".toVersion", "a removal has no target version");
            }
            if (sha != null && (kind != ItemKind.CONFIG_FILE || !sha.matches("[0-9a-f]{64}"))) {
                errors.add(at + ".afterSha256", "afterSha256 is the lower-case hex SHA-256 of a config file's content");
            }
            out.add(new Expectation(kind, e.key(), action, toVersion, sha, onlyAttributes(errors, at, kind, action, e)));
        }
        return out;
    }

    /** Attribute names of the kind, for a MODIFY or ANY expectation; stored comma-separated and sorted. */
    private static String onlyAttributes(FieldErrors errors, String at, ItemKind kind,
                                         ExpectedAction action, ChangeRequest.ExpectationRequest e) {
        if (e.onlyAttributes() == null || e.onlyAttributes().isEmpty() || kind == null) {
            return null;
        }
        if (action != ExpectedAction.MODIFY && action != ExpectedAction.ANY) {
            errors.add(at + ".onlyAttributes", "onlyAttributes narrows a MODIFY or ANY expectation");
        }
        List<String> names = Attributes.NAMES.get(kind);
        List<String> unknown = e.onlyAttributes().stream().filter(n -> n == null || !names.contains(n)).toList();
        if (!unknown.isEmpty()) {
            errors.add(at + ".onlyAttributes", "unknown attributes " + unknown + " of a " + kind + "; known: " + names);
        }
        return e.onlyAttributes().stream().distinct().sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> E enumValue(FieldErrors errors, String field, String value, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            errors.add(field, field + " is required, one of " + allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be one of " + allowed + ", got '" + value + "'");
            return null;
        }
    }

    private static Instant instant(FieldErrors errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, field + " is required, an ISO-8601 time such as 2025-01-31T12:00:00Z");
            }
            return null;
        }
        try {
            return io.driftproof.collector.common.ServerClock.truncate(
                    Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value)));
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 time such as 2025-01-31T12:00:00Z, got '" + value + "'");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
