package io.driftproof.collector.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses query parameters given as strings, so that a bad value is a 400 naming the parameter
 * rather than a framework error. */
@ApplicationScoped
public class QueryParameters {

    private final CollectorConfig.Api api;

    QueryParameters(CollectorConfig config) {
        this.api = config.api();
    }

    public PageRequest page(String limit, String offset) {
        int size = integer("limit", limit).orElse(api.defaultPageSize());
        if (size < 1 || size > api.maxPageSize()) {
            throw ProblemException.badParameter("limit", "limit must be between 1 and " + api.maxPageSize() + ", got " + size);
        }
        int start = integer("offset", offset).orElse(0);
        if (start < 0) {
            throw ProblemException.badParameter("offset", "offset must not be negative, got " + start);
        }
        return new PageRequest(start, size);
    }

    /** An ISO-8601 instant with 'Z' or an offset, e.g. 2025-01-31T12:00:00Z. */
    public Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value)));
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, name + " must be an ISO-8601 time such as 2025-01-31T12:00:00Z, got '" + value + "'");
        }
    }

    public <E extends Enum<E>> Optional<E> enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.badParameter(name, name + " must be one of " + allowed + ", got '" + value + "'");
        }
    }

    private static Optional<Integer> integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, name + " must be an integer, got '" + value + "'");
        }
    }
}
