package io.driftproof.collector.security;

import io.driftproof.collector.common.ProblemException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles of driftproof users. The constants are for {@code @RolesAllowed}. */
public enum Role {
    REQUESTER, APPROVER, IMPLEMENTER, AUDITOR, ADMIN;

    public static final String REQUESTER_NAME = "REQUESTER";
    public static final String APPROVER_NAME = "APPROVER";
    public static final String IMPLEMENTER_NAME = "IMPLEMENTER";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String ADMIN_NAME = "ADMIN";

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** The role names of a request body's {@code roles} field, at least one; 400 naming a bad one. */
    public static Set<String> namesOf(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ProblemException.field("roles", "roles must name at least one of " + all());
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String name : names) {
            roles.add(parse(name).orElseThrow(() -> ProblemException.field("roles", "unknown role '" + name
                    + "'; roles are " + all())).name());
        }
        return roles;
    }

    private static String all() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
