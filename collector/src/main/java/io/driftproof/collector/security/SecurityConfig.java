package io.driftproof.collector.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of users, the collector's certificate authority and TLS, and agent connections. */
@ConfigMapping(prefix = "driftproof")
public interface SecurityConfig {

    /** The first administrator's password (env DRIFTPROOF_ADMIN_PASSWORD); read only while user admin
     * does not exist. When unset, a password is generated and printed once. */
    Optional<String> adminPassword();

    /** The collector's CA and TLS server certificate (docs/adr/0030-collector-tls-and-agent-identity.md). */
    Tls tls();

    /** How agents may connect. */
    Agent agent();

    /** Users signed in through OIDC (when quarkus.oidc.tenant-enabled=true). */
    Oidc oidc();

    interface Tls {
        /** DNS names and IP addresses the server certificate names (its SANs): every address agents
         * use as --collector. Default: this machine's host name, localhost and 127.0.0.1. A generated
         * server certificate is re-issued at start when it does not name all of them. */
        Optional<List<String>> names();

        /** An operator-supplied CA certificate (PEM) used instead of the generated one; needs ca-key. */
        Optional<Path> caCert();

        /** The private key (PKCS#8 PEM) of ca-cert: the collector signs agent certificates with it. */
        Optional<Path> caKey();

        /** An operator-supplied server certificate (PEM, signed by the CA); needs server-key. */
        Optional<Path> serverCert();

        /** The private key (PKCS#8 PEM) of server-cert. */
        Optional<Path> serverKey();

        /** Validity of the client certificates issued to agents at enrollment. */
        @WithDefault("P365D")
        Duration clientCertificateValidity();
    }

    interface Oidc {
        /** Token claim values that name driftproof roles, e.g. dp-approvers=APPROVER
         * (driftproof.oidc.role-mapping."dp-approvers"=APPROVER). A value that is itself a role name
         * (ADMIN, AUDITOR, ...) maps to that role; any other value gives no role. Which claim holds
         * the values is quarkus.oidc.roles.role-claim-path (default realm_access/roles, or groups). */
        Map<String, String> roleMapping();
    }

    interface Agent {
        /** Development only: accept agents connecting without TLS (plain HTTP port) and trust the
         * host id of their Hello. Logged as a WARNING at start. */
        @WithDefault("false")
        boolean allowPlaintext();
    }
}
