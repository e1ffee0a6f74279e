package io.driftproof.collector.security;

import java.time.Instant;
import java.util.List;

public record UserView(String username, List<String> roles, Instant createdAt, String createdBy) {
}
