package io.driftproof.agent.config;

/** A bad flag or config value; its message is one line naming the problem. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
