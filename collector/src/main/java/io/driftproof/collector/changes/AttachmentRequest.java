package io.driftproof.collector.changes;

/** Evidence to attach: either {@code text} or {@code base64} (a file's bytes). */
public record AttachmentRequest(String purpose, String name, String mediaType, String text, String base64) {
}
