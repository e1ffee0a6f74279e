package io.driftproof.loadgen.fleet;

/**
 * One version of a config file: its hash and size, and its text when the file is captured.
 *
 * @param content null unless the file's content ships
 */
public record FileVersion(String sha256, long size, byte[] content) {
}
