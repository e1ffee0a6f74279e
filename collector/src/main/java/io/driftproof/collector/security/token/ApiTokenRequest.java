package io.driftproof.collector.security.token;

import java.util.List;

/** {@code POST /api/v1/api-tokens}: a name for the automation, its roles and lifetime in days. */
public record ApiTokenRequest(String name, List<String> roles, Integer ttlDays) {
}
