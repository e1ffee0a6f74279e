package io.driftproof.agent.spool;

import com.google.protobuf.ByteString;

import java.nio.file.Path;

/**
 * One spooled delta: a file holding its wire messages in order.
 *
 * @param digest the manifest digest after this delta, as it states
 */
public record SpoolEntry(long seq, Path file, long bytes, long baseSeq, boolean full, ByteString digest) {
}
