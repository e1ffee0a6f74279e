package io.driftproof.collector.security.token;

/** A new API token: {@code token} is shown this once and never stored. */
public record ApiTokenCreated(String token, ApiTokenView details) {
}
