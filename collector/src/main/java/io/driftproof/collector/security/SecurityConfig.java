package io.driftproof.collector.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Settings of local users. */
@ConfigMapping(prefix = "driftproof")
public interface SecurityConfig {

    /** The first administrator's password (env DRIFTPROOF_ADMIN_PASSWORD); read only while user admin
     * does not exist. When unset, a password is generated and printed once. */
    Optional<String> adminPassword();
}
