package io.driftproof.agent.transport;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigException;
import io.driftproof.agent.tls.Enrollment;
import io.grpc.okhttp.OkHttpChannelBuilder;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How the channel to the collector is secured: mutual TLS with the host's enrollment, or, for
 * development only and only on a host that is not enrolled, plaintext.
 */
@FunctionalInterface
public interface ChannelSecurity {

    OkHttpChannelBuilder builder(String target);

    /** Logs a warning when the client certificate expires soon; called at start and after each scan. */
    default void checkCertificate(Instant now) {
    }

    /** No TLS at all: development only (the collector must allow plaintext agents). */
    static ChannelSecurity plaintext() {
        return target -> OkHttpChannelBuilder.forTarget(target).usePlaintext();
    }

    /**
     * The security the configuration and the state directory ask for.
     *
     * @throws ConfigException when TLS is required but this host holds no client certificate, when
     *                         plaintext is asked for on an enrolled host, or when the enrollment is damaged
     */
    static ChannelSecurity of(AgentConfig config) {
        Logger log = Logger.getLogger(ChannelSecurity.class.getName());
        if (config.plaintext()) {
            if (Enrollment.present(config.stateDir())) {
                throw new ConfigException("plaintext=true, but this host is enrolled (client certificate in "
                        + config.stateDir() + "): an enrolled agent only talks mTLS; remove the plaintext setting");
            }
            log.warning("PLAINTEXT: plaintext=true, the connection to the collector is neither encrypted nor "
                    + "authenticated; for development only, never in production");
            return plaintext();
        }
        Optional<Enrollment> enrollment = Enrollment.read(config.stateDir());
        if (enrollment.isEmpty()) {
            throw new ConfigException("the collector connection needs TLS and this host is not enrolled yet (no client "
                    + "certificate in " + config.stateDir() + "): enroll it, or pass --plaintext=true for development");
        }
        try {
            return new MutualTls(enrollment.get());
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot set up TLS with the enrollment in " + config.stateDir() + ": " + e.getMessage());
        }
    }
}
