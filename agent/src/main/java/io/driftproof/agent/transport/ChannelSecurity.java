package io.driftproof.agent.transport;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.config.ConfigException;
import io.grpc.okhttp.OkHttpChannelBuilder;

/**
 * How the channel to the collector is secured. A function of the target because TLS channel
 * credentials are given when the builder is created ({@code forTarget(target, credentials)}).
 */
@FunctionalInterface
public interface ChannelSecurity {

    OkHttpChannelBuilder builder(String target);

    /**
     * The security the configuration asks for.
     *
     * @throws ConfigException when TLS is required but this host holds no client certificate
     */
    static ChannelSecurity of(AgentConfig config) {
        if (config.plaintext()) {
            return target -> OkHttpChannelBuilder.forTarget(target).usePlaintext();
        }
        throw new ConfigException("the collector connection needs TLS and this host is not enrolled yet (no client "
                + "certificate in " + config.stateDir() + "): enroll it, or pass --plaintext=true for development");
    }
}
