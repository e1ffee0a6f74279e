package io.driftproof.collector.security;

import java.util.Arrays;
import java.util.Optional;

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
}
