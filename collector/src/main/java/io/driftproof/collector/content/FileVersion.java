package io.driftproof.collector.content;

/** A config file's content as of some time. */
public record FileVersion(String path, String sha256, byte[] data) {
}
